package fr.relais.core.pathway;

import fr.relais.core.rule.AlertRule;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.i18n.LocalizedText;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A versioned pathway template: PPCS structure (needs, objectives, actions), steps, measurement plan and the default
 * alert rules the alert engine applies to its enrolled patients, and who an unacknowledged alert escalates to, in turn.
 * {@code telemonitoring}: the patient sends measures from home that alerts judge, so enrolling needs the patient's
 * telemonitoring consent and a withdrawal holds the self-measures (docs/pathway-templates.md). {@code hospitalEvents}:
 * what an admission or a discharge does to the pathway ({@link HospitalEventRules#NONE} when the template says nothing).
 */
public record PathwayTemplate(String id, int version, LocalizedText title, LocalizedText description,
                              LocalizedText population, String source, Period duration, List<PpcsNeed> ppcs,
                              List<Step> steps, List<MeasurePlanItem> measurementPlan, List<AlertRule> alertRules,
                              List<CareRole> escalation, boolean telemonitoring,
                              HospitalEventRules hospitalEvents) {
    /** An unacknowledged alert goes to the médecin traitant unless the template names a longer chain. */
    public static final List<CareRole> DEFAULT_ESCALATION = List.of(CareRole.MEDECIN_TRAITANT);

    public PathwayTemplate {
        escalation = List.copyOf(escalation);
        ppcs = List.copyOf(ppcs);
        steps = List.copyOf(steps);
        measurementPlan = List.copyOf(measurementPlan);
        alertRules = List.copyOf(alertRules);
        hospitalEvents = hospitalEvents == null ? HospitalEventRules.NONE : hospitalEvents;
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public String key() {
        return id + " v" + version;
    }
}
