package fr.relais.sync.fhir;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertLevel;
import fr.relais.core.alert.AlertStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Alert → FHIR DetectedIssue: what the rule found (code, explanation), when, how severe (red → high, yellow →
 * moderate), and how the team handled it (acknowledged, resolved or dismissed, by whom, why) as a mitigation. A
 * withdrawn alert (raised by a wrong measure) is entered-in-error, kept visible rather than deleted.
 */
public final class DetectedIssueMapper {
    static final String RULE_SYSTEM = "urn:relais:fhir:CodeSystem:alert-rule";
    static final String ACTION_SYSTEM = "urn:relais:fhir:CodeSystem:alert-action";

    private DetectedIssueMapper() {
    }

    public static DetectedIssue toFhir(Alert a) {
        DetectedIssue issue = new DetectedIssue();
        issue.setId("DetectedIssue/" + a.id());
        issue.setStatus(status(a));
        issue.setSeverity(a.level() == AlertLevel.RED ? DetectedIssue.DetectedIssueSeverity.HIGH
                : a.level() == AlertLevel.YELLOW ? DetectedIssue.DetectedIssueSeverity.MODERATE : DetectedIssue.DetectedIssueSeverity.LOW);
        issue.setCode(new CodeableConcept(new Coding(RULE_SYSTEM, a.ruleId(), null)).setText(a.code()));
        issue.setPatient(new Reference("Patient/" + a.patientId()));
        issue.setIdentified(FhirDates.instant(a.openedAt()));
        issue.setDetail(a.explanation());
        issue.addExtension(RelaisFhir.extension("alert-kind"), new Coding(RelaisFhir.extension("alert-kind-cs"), a.kind(), null));
        if (a.enrollmentId() != null) {
            issue.addExtension(RelaisFhir.extension("alert-careplan"), new Reference("CarePlan/" + a.enrollmentId()));
        }
        if (a.escalationStep() > 0) {
            issue.addExtension(RelaisFhir.extension("alert-escalation-step"), new IntegerType(a.escalationStep()));
        }
        if (a.status() != AlertStatus.OPEN && a.statusBy() != null) {
            issue.addMitigation().setAction(new CodeableConcept(new Coding(ACTION_SYSTEM, a.status().name(), null))
                            .setText(a.statusReason()))
                    .setDateElement(FhirDates.instant(a.updatedAt()))
                    .setAuthor(new Reference().setDisplay(a.statusBy()));
        }
        return issue;
    }

    private static DetectedIssue.DetectedIssueStatus status(Alert a) {
        switch (a.status()) {
            case OPEN:
            case ACKNOWLEDGED:
                // Still being handled: the acknowledgement shows as a mitigation.
                return DetectedIssue.DetectedIssueStatus.PRELIMINARY;
            case DISMISSED:
                return DetectedIssue.DetectedIssueStatus.CANCELLED;
            case WITHDRAWN:
                return DetectedIssue.DetectedIssueStatus.ENTEREDINERROR;
            default:
                return DetectedIssue.DetectedIssueStatus.FINAL;
        }
    }
}
