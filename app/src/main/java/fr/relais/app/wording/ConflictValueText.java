package fr.relais.app.wording;

import fr.relais.core.alert.AlertStatus;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Professional;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.replication.Conflict;
import fr.relais.core.task.TaskService;
import fr.relais.core.task.TaskStatus;
import fr.relais.core.time.CareZone;
import fr.relais.core.wording.StatusWords;
import fr.relais.sync.engine.ServerRefusal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * A conflict's values as a person reads them, the same on the command line and on the desktop: a time (a task's due
 * time, stored as an ISO instant in UTC) in the care team's clock, Paris; a task's assignee as the professional's name
 * and profession; a status (an alert's, a task's, a pathway's, an identity's) in words; the sides of a deletion on the
 * server in words, with no common base; a refusal by the server as its words, never its OperationOutcome; any other
 * value as it is.
 */
public final class ConflictValueText {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    /** The assignee key a task conflict carries for a professional without an RPPS number (the sync's TaskSync writes it). */
    private static final String LOCAL_PROFESSIONAL = "professional:";

    private ConflictValueText() {
    }

    /** The common base: for a deletion on the server there is none ("aucune version commune : mesure supprimée…"). */
    public static String base(Conflict c, CareTeamService careTeam, Localization texts) {
        if (c.isRefusal()) {
            return "";
        }
        if (c.isDeletion()) {
            return texts.text("conflict.deletedOnServer.noBase." + gender(c, texts), kind(c, texts));
        }
        return orNone(of(c, c.baseValue(), careTeam, texts), texts);
    }

    /** The value here. */
    public static String local(Conflict c, CareTeamService careTeam, Localization texts) {
        if (c.isRefusal()) {
            return texts.text("sync.refusedLocal");
        }
        return orNone(of(c, c.localValue(), careTeam, texts), texts);
    }

    /** The server's value: for a refusal, what the server said ("Le serveur a refusé cet enregistrement : …"). */
    public static String remote(Conflict c, CareTeamService careTeam, Localization texts) {
        if (c.isRefusal()) {
            ServerRefusal refusal = ServerRefusal.of(c);
            return texts.text("sync.refusedRemote", refusal.status(), refusal.diagnostics());
        }
        return orNone(of(c, c.remoteValue(), careTeam, texts), texts);
    }

    /** The record's kind inside a sentence ("mesure", "tâche"). */
    static String kind(Conflict c, Localization texts) {
        String key = "conflict.record." + c.resourceType();
        return Localization.inSentence(texts.has(key) ? texts.text(key) : c.resourceType());
    }

    /** "f" or "m": the grammatical gender of the record's kind, for the words that agree with it ("supprimée"). */
    static String gender(Conflict c, Localization texts) {
        String key = "conflict.gender." + c.resourceType();
        return texts.has(key) ? texts.text(key) : "m";
    }

    private static String orNone(String value, Localization texts) {
        return value == null ? texts.text("conflict.noValue") : value;
    }

    private static String of(Conflict c, String value, CareTeamService careTeam, Localization texts) {
        if (c.isDeletion() && value != null) {
            // A record deleted on the server while changed here: each side in words ("supprimée sur le serveur").
            return texts.text("conflict.deletedOnServer." + value + "." + gender(c, texts));
        }
        if (value == null) {
            return null;
        }
        Optional<String> status = status(c, value, texts);
        if (status.isPresent()) {
            return status.get();
        }
        return "assignee".equals(c.field()) ? assignee(value, careTeam, texts) : of(value);
    }

    /** A status code in words, by the kind of record it belongs to; empty when the value is no status Relais knows. */
    private static Optional<String> status(Conflict c, String value, Localization texts) {
        StatusWords words = new StatusWords(Language.fromCode(texts.locale().getLanguage()).orElse(Language.FR));
        try {
            if ("identityStatus".equals(c.field())) {
                return Optional.of(words.identityLevel(IdentityStatus.valueOf(value)));
            }
            if (!"status".equals(c.field())) {
                return Optional.empty();
            }
            return switch (c.resourceType()) {
                case fr.relais.core.replication.RecordKind.ALERT -> Optional.of(words.alert(AlertStatus.valueOf(value)));
                case TaskService.RECORD -> Optional.of(words.task(TaskStatus.valueOf(value)));
                case EnrollmentService.RECORD -> Optional.of(words.enrollment(EnrollmentStatus.valueOf(value)));
                default -> Optional.empty();
            };
        } catch (IllegalArgumentException notAStatus) {
            return Optional.empty();
        }
    }

    /**
     * An assignee (an RPPS number, or a local key for a professional without one) reads "Soizic GUEGUEN (Infirmier)",
     * never an id.
     */
    private static String assignee(String value, CareTeamService careTeam, Localization texts) {
        Optional<Professional> professional;
        if (value.startsWith(LOCAL_PROFESSIONAL)) {
            professional = parseId(value.substring(LOCAL_PROFESSIONAL.length())).flatMap(careTeam::findProfessional);
        } else {
            professional = careTeam.findProfessionalByRpps(value);
        }
        return professional.map(p -> p.displayName() + " (" + texts.text("profession." + p.profession().name()) + ")")
                .orElseGet(() -> value.startsWith(LOCAL_PROFESSIONAL) ? texts.text("conflicts.unknownProfessional")
                        : texts.text("conflicts.unknownRpps", value));
    }

    private static Optional<UUID> parseId(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** A time in Paris time; any other text as it is. */
    public static String of(String value) {
        if (value == null || value.length() < 20 || !value.endsWith("Z")) {
            return value;
        }
        try {
            return AT.format(Instant.parse(value));
        } catch (DateTimeParseException notATime) {
            return value;
        }
    }
}
