package fr.relais.core.pathway;

/**
 * A structured condition on a step. Conditions on measures and questionnaire scores arrive with the alert engine;
 * until then a template using them is refused at validation rather than silently ignored.
 */
public sealed interface Condition permits Condition.StepOutcome, Condition.PatientAttribute {

    /** The step is due once step {@code step} has been completed with {@code outcome}. */
    record StepOutcome(String step, String outcome) implements Condition {
    }

    /** The step applies only to patients matching {@code attribute op value} at enrollment (age in years, sex). */
    record PatientAttribute(String attribute, String op, String value) implements Condition {
    }
}
