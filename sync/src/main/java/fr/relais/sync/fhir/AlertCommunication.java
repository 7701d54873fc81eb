package fr.relais.sync.fhir;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertStatus;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Reference;

/**
 * A decision on an alert as a FHIR Communication to the team: about the DetectedIssue, for the patient, from the
 * person who decided, saying what was decided and why (an escalation says how far along the chain). One per decision:
 * its id derives from the alert, the decision and its time, so the same decision pushed twice is one message.
 */
public final class AlertCommunication {
    static final String CATEGORY_SYSTEM = "urn:relais:fhir:CodeSystem:communication-category";
    static final String CATEGORY = "alert-decision";

    private AlertCommunication() {
    }

    public static Communication of(Alert alert, String detectedIssue) {
        boolean escalation = alert.status() == AlertStatus.OPEN && alert.escalationStep() > 0;
        String decision = escalation ? "ESCALATED" : alert.status().name();
        java.time.Instant at = escalation ? alert.escalatedAt() : alert.updatedAt();
        Communication message = new Communication();
        message.setId("Communication/" + UUID.nameUUIDFromBytes(("alert-decision:" + alert.id() + "/" + decision + "/"
                + alert.escalationStep() + "/" + at).getBytes(StandardCharsets.UTF_8)));
        message.setStatus(Communication.CommunicationStatus.COMPLETED);
        message.addCategory(new CodeableConcept(new Coding(CATEGORY_SYSTEM, CATEGORY, null)));
        message.setSubject(new Reference("Patient/" + alert.patientId()));
        message.addAbout(new Reference(detectedIssue));
        message.setSent(at == null ? null : Date.from(at));
        if (alert.statusBy() != null && !escalation) {
            message.setSender(new Reference().setDisplay(alert.statusBy()));
        }
        message.setPriority(alert.level() == fr.relais.core.rule.AlertLevel.RED ? Communication.CommunicationPriority.URGENT
                : Communication.CommunicationPriority.ROUTINE);
        message.addReasonCode(new CodeableConcept(new Coding(DetectedIssueMapper.ACTION_SYSTEM, decision, null)));
        String text = alert.level() + " " + alert.code() + " (" + alert.ruleId() + "): " + decision
                + (escalation ? " " + alert.escalationStep() : "") + (alert.statusReason() == null || escalation ? "" : " — " + alert.statusReason());
        message.addPayload().setContent(new org.hl7.fhir.r4.model.StringType(text));
        return message;
    }
}
