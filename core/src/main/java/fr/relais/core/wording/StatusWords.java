package fr.relais.core.wording;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import fr.relais.core.pathway.EnrollmentStatus;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.TaskStatus;

/**
 * Statuses, priorities, roles and sex in words: "à faire", "dès que possible", "en pause", "Identité qualifiée",
 * "IDE de coordination", "femme", "transmise par un appareil" — never REQUESTED, ASAP, PAUSED, QUAL, IDEC, F or DEVICE.
 */
public final class StatusWords {
    private final Localization words;

    public StatusWords(Language language) {
        this.words = WordingBundle.of(language);
    }

    public String task(TaskStatus status) {
        return named("task.status", status);
    }

    public String priority(TaskPriority priority) {
        return named("task.priority", priority);
    }

    public String enrollment(EnrollmentStatus status) {
        return named("enrollment.status", status);
    }

    public String identity(IdentityStatus status) {
        return named("identity.status", status);
    }

    /** The RNIV level alone, as it follows "Statut d'identité :": "provisoire", "qualifiée". */
    public String identityLevel(IdentityStatus status) {
        return named("identity.level", status);
    }

    public String alert(fr.relais.core.alert.AlertStatus status) {
        return named("alert.status", status);
    }

    public String role(CareRole role) {
        return named("role", role);
    }

    public String measureSource(MeasureSource source) {
        return named("measure.source", source);
    }

    public String measureStatus(MeasureStatus status) {
        return named("measure.status", status);
    }

    /** The status of a measure in words, "valide, provisoire" for one its sender has not validated yet. */
    public String measureStatus(fr.relais.core.measure.Measure measure) {
        String status = measureStatus(measure.status());
        return measure.preliminary() && measure.status() == MeasureStatus.FINAL ? words.text("measure.preliminary", status) : status;
    }

    public String sex(Sex sex) {
        return named("sex", sex);
    }

    /** A value in words: the bundle's text under {@code group.VALUE}, as "task.status.REQUESTED" is "à faire". */
    private String named(String group, Enum<?> value) {
        return words.text(group + "." + value.name());
    }
}
