package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.error.BadInputException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** An alert through DetectedIssue and back; the server's own elements survive; a decision becomes one Communication. */
public class DetectedIssueMapperTest {
    final UUID id = UUID.randomUUID();
    final UUID patient = UUID.randomUUID();
    final UUID enrollment = UUID.randomUUID();
    final UUID weight = UUID.randomUUID();

    Alert alert(AlertStatus status, String by, String reason, int step, Instant stepAt) {
        return new Alert(id, patient, enrollment, "weight-gain-3d", "Prise de poids", "DELTA", AlertLevel.RED, status,
                "+2,4 kg en 3 jours", Instant.parse("2026-11-24T07:00:00Z"), Instant.parse("2026-11-24T09:30:00Z"), by, reason, step, stepAt);
    }

    private DetectedIssueMapper.Received roundTrip(DetectedIssue issue) {
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(issue);
        DetectedIssue read = RelaisFhir.CONTEXT.newJsonParser().setParserErrorHandler(new ca.uhn.fhir.parser.StrictErrorHandler())
                .parseResource(DetectedIssue.class, json);
        return DetectedIssueMapper.toLocal(read, id, "test");
    }

    @Test
    void aDecidedEscalatedAlertComesBackEqualWithItsEvidence() {
        Alert dismissed = alert(AlertStatus.DISMISSED, "IDEC Martin", "pesée après repas", 1, Instant.parse("2026-11-24T11:00:00Z"));
        DetectedIssue issue = DetectedIssueMapper.write(dismissed, List.of(weight), new DetectedIssue());

        DetectedIssueMapper.Received back = roundTrip(issue);

        assertThat(back.alert()).isEqualTo(dismissed);
        assertThat(back.evidence()).containsExactly(weight);
        assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.CANCELLED);
        assertThat(issue.getSeverity()).isEqualTo(DetectedIssue.DetectedIssueSeverity.HIGH);
    }

    @Test
    void anOpenAlertHasNoMitigationAndIsPreliminary() {
        Alert open = alert(AlertStatus.OPEN, null, null, 0, null);
        DetectedIssue issue = DetectedIssueMapper.write(open, List.of(), new DetectedIssue());
        assertThat(issue.getMitigation()).isEmpty();
        assertThat(issue.getStatus()).isEqualTo(DetectedIssue.DetectedIssueStatus.PRELIMINARY);
        assertThat(roundTrip(issue).alert().status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void writingOntoTheServersCopyKeepsWhatRelaisDoesNotModel() {
        DetectedIssue server = DetectedIssueMapper.write(alert(AlertStatus.OPEN, null, null, 0, null), List.of(weight), new DetectedIssue());
        server.addExtension("https://example.org/fhir/triage-score", new StringType("7"));
        server.addMitigation().setAction(new CodeableConcept(new Coding("https://example.org/actions", "phone-call", null)));
        server.addEvidence().addDetail(new Reference("DocumentReference/ecg-1"));
        server.setReference("https://example.org/guideline/hf");

        DetectedIssue edited = DetectedIssueMapper.write(alert(AlertStatus.ACKNOWLEDGED, "IDEC Martin", "appel prévu", 0, null),
                List.of(weight), server.copy());

        assertThat(edited.getExtensionByUrl("https://example.org/fhir/triage-score").getValue().primitiveValue()).isEqualTo("7");
        assertThat(edited.getReference()).isEqualTo("https://example.org/guideline/hf");
        assertThat(edited.getMitigation()).hasSize(2);
        assertThat(edited.getEvidence()).extracting(e -> e.getDetailFirstRep().getReference())
                .containsExactlyInAnyOrder("DocumentReference/ecg-1", "Observation/" + weight);
        assertThat(roundTrip(edited).alert().status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
    }

    @Test
    void anIssueWithoutARelaisRuleIsRejectedNamingTheInput() {
        DetectedIssue foreign = new DetectedIssue().setPatient(new Reference("Patient/" + patient));
        foreign.setCode(new CodeableConcept(new Coding("http://snomed.info/sct", "1234", null)));
        assertThatThrownBy(() -> DetectedIssueMapper.toLocal(foreign, id, "DetectedIssue/x"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("DetectedIssue/x");
    }

    @Test
    void aDecisionIsOneCommunicationWhateverTheRetries() {
        Alert acknowledged = alert(AlertStatus.ACKNOWLEDGED, "IDEC Martin", "appel prévu", 0, null);
        Communication first = AlertCommunication.of(acknowledged, "DetectedIssue/" + id);
        Communication again = AlertCommunication.of(acknowledged, "DetectedIssue/" + id);
        Communication escalation = AlertCommunication.of(alert(AlertStatus.OPEN, null, null, 1,
                Instant.parse("2026-11-24T11:00:00Z")), "DetectedIssue/" + id);

        assertThat(first.getIdElement().getIdPart()).isEqualTo(again.getIdElement().getIdPart())
                .isNotEqualTo(escalation.getIdElement().getIdPart());
        assertThat(first.getAboutFirstRep().getReference()).isEqualTo("DetectedIssue/" + id);
        assertThat(first.getSender().getDisplay()).isEqualTo("IDEC Martin");
        assertThat(first.getPriority()).isEqualTo(Communication.CommunicationPriority.URGENT);
        assertThat(first.getPayloadFirstRep().getContentStringType().getValue()).contains("ACKNOWLEDGED", "appel prévu");
        assertThat(escalation.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("ESCALATED");
    }
}
