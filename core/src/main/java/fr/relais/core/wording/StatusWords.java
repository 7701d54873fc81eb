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
        return words.text("task.status." + status.name());
    }

    public String priority(TaskPriority priority) {
        return words.text("task.priority." + priority.name());
    }

    public String enrollment(EnrollmentStatus status) {
        return words.text("enrollment.status." + status.name());
    }

    public String identity(IdentityStatus status) {
        return words.text("identity.status." + status.name());
    }

    /** The RNIV level alone, as it follows "Statut d'identité :": "provisoire", "qualifiée". */
    public String identityLevel(IdentityStatus status) {
        return words.text("identity.level." + status.name());
    }

    public String alert(fr.relais.core.alert.AlertStatus status) {
        return words.text("alert.status." + status.name());
    }

    public String role(CareRole role) {
        return words.text("role." + role.name());
    }

    public String measureSource(MeasureSource source) {
        return words.text("measure.source." + source.name());
    }

    public String measureStatus(MeasureStatus status) {
        return words.text("measure.status." + status.name());
    }

    /** The status of a measure in words, "valide, provisoire" for one its sender has not validated yet. */
    public String measureStatus(fr.relais.core.measure.Measure measure) {
        String status = measureStatus(measure.status());
        return measure.preliminary() && measure.status() == MeasureStatus.FINAL ? words.text("measure.preliminary", status) : status;
    }

    public String sex(Sex sex) {
        return words.text("sex." + sex.name());
    }
}
