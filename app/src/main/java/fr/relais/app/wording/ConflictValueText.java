package fr.relais.app.wording;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.careteam.Professional;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.i18n.Localization;

/**
 * A conflict's value as a person reads it: a time (a task's due time, stored as an ISO instant in UTC) in the care
 * team's clock, Paris; a task's assignee as the professional's name and profession; the sides of a deletion on the
 * server in words; any other value as it is.
 */
public final class ConflictValueText {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private ConflictValueText() {
    }

    /** The assignee key a task conflict carries for a professional without an RPPS number (the sync's TaskSync writes it). */
    private static final String LOCAL_PROFESSIONAL = "professional:";

    /**
     * The value of a conflict's {@code field}: an assignee (an RPPS number, or a local key for a professional without
     * one) reads "Soizic GUEGUEN (Infirmier)", never an id.
     */
    public static String of(String field, String value, CareTeamService careTeam, Localization texts) {
        if (fr.relais.core.replication.Conflict.DELETED.equals(field) && value != null) {
            // A record deleted on the server while changed here: each side in words ("supprimé sur le serveur").
            return texts.text("conflict.deletedOnServer." + value);
        }
        if (!"assignee".equals(field) || value == null) {
            return of(value);
        }
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
