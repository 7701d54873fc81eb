package fr.relais.core.urgentcare;

import fr.relais.core.error.BadInputException;

/** What a plan must say before it is recorded: nothing contradictory, and decisions carry who took them and when. */
final class UrgentCarePlanRules {
    private UrgentCarePlanRules() {
    }

    static void check(UrgentCarePlan p) {
        if (p.allergies() == null) {
            throw new BadInputException("allergies", "plan.allergiesMissing");
        }
        if (p.allergies().noneKnown() && !p.allergies().items().isEmpty()) {
            throw new BadInputException("allergies", "plan.allergiesContradict");
        }
        p.allergies().items().forEach(a -> require(a.substance(), "allergies.substance"));
        if (p.treatments() == null) {
            throw new BadInputException("treatments", "plan.treatmentsMissing");
        }
        if (p.treatments().none() && !p.treatments().items().isEmpty()) {
            throw new BadInputException("treatments", "plan.treatmentsContradict");
        }
        p.treatments().items().forEach(t -> require(t.name(), "treatments.name"));
        var r = p.resuscitation();
        if (r != null && r.status() != UrgentCarePlan.ResuscitationStatus.NOT_DISCUSSED && (blank(r.decidedBy()) || r.decidedOn() == null)) {
            throw new BadInputException("resuscitation", "plan.decisionWho");
        }
        var a = p.agreement();
        if (a != null && a.participant() != UrgentCarePlan.Participant.NOT_ABLE && a.on() == null) {
            throw new BadInputException("agreement.on", "plan.agreementDate");
        }
        if (a != null && a.participant() == UrgentCarePlan.Participant.LEGAL_REPRESENTATIVE && blank(a.representativeName())) {
            throw new BadInputException("agreement.representativeName", "plan.representative");
        }
        if (p.nextReview() == null) {
            throw new BadInputException("nextReview", "plan.nextReview");
        }
    }

    private static void require(String value, String field) {
        if (blank(value)) {
            throw new BadInputException(field, "plan.fieldMissing", field);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
