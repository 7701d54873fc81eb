package fr.relais.sync.fhir;

import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.error.BadInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Alert ↔ FHIR DetectedIssue: what the rule found (code, explanation), when, how severe (red → high, yellow →
 * moderate), the measures behind it (evidence), and how the team handled it (acknowledged, resolved or dismissed, by
 * whom, why) as a mitigation. A withdrawn alert (raised by a wrong measure) is entered-in-error, kept visible rather
 * than deleted. Written onto the server's copy, so elements Relais does not model stay as they were.
 */
public final class DetectedIssueMapper {
    static final String RULE_SYSTEM = "urn:relais:fhir:CodeSystem:alert-rule";
    static final String ACTION_SYSTEM = "urn:relais:fhir:CodeSystem:alert-action";
    private static final String KIND = "alert-kind";
    private static final String CAREPLAN = "alert-careplan";
    private static final String STEP = "alert-escalation-step";
    private static final String STEP_AT = "alert-escalated-at";

    private DetectedIssueMapper() {
    }

    /** A received alert and the measures named as its evidence. */
    public record Received(Alert alert, List<UUID> evidence) {
    }

    public static DetectedIssue toFhir(Alert a) {
        DetectedIssue issue = write(a, List.of(), new DetectedIssue());
        issue.setId("DetectedIssue/" + a.id());
        return issue;
    }

    /** Sets Relais's fields of {@code target} (a new resource, or the server's copy) from the alert. */
    public static DetectedIssue write(Alert a, Collection<UUID> evidence, DetectedIssue target) {
        target.setStatus(status(a.status()));
        target.setSeverity(a.level() == AlertLevel.RED ? DetectedIssue.DetectedIssueSeverity.HIGH
                : a.level() == AlertLevel.YELLOW ? DetectedIssue.DetectedIssueSeverity.MODERATE : DetectedIssue.DetectedIssueSeverity.LOW);
        target.setCode(new CodeableConcept(new Coding(RULE_SYSTEM, a.ruleId(), null)).setText(a.code()));
        target.setPatient(new Reference("Patient/" + a.patientId()));
        target.setIdentified(FhirDates.instant(a.openedAt()));
        target.setDetail(a.explanation());
        replace(target, KIND, new Coding(RelaisFhir.extension("alert-kind-cs"), a.kind(), null));
        replace(target, CAREPLAN, a.enrollmentId() == null ? null : new Reference("CarePlan/" + a.enrollmentId()));
        replace(target, STEP, a.escalationStep() > 0 ? new IntegerType(a.escalationStep()) : null);
        replace(target, STEP_AT, a.escalatedAt() == null ? null : FhirDates.instant(a.escalatedAt()));
        // The evidence Relais names: measures; other evidence the server holds is left alone.
        target.getEvidence().removeIf(e -> e.getDetail().stream().allMatch(r -> r.getReference() != null
                && r.getReference().startsWith("Observation/")));
        for (UUID measure : evidence) {
            target.addEvidence().addDetail(new Reference("Observation/" + measure));
        }
        // One mitigation: the latest decision (Relais keeps the full history locally and in the Communications).
        target.getMitigation().removeIf(m -> m.getAction().getCoding().stream().anyMatch(c -> ACTION_SYSTEM.equals(c.getSystem())));
        if (a.status() != AlertStatus.OPEN && a.statusBy() != null) {
            target.addMitigation().setAction(new CodeableConcept(new Coding(ACTION_SYSTEM, a.status().name(), null))
                            .setText(a.statusReason()))
                    .setDateElement(FhirDates.instant(a.updatedAt()))
                    .setAuthor(new Reference().setDisplay(a.statusBy()));
        }
        return target;
    }

    /** The alert a server's DetectedIssue stands for, under the local id {@code localId}. */
    public static Received toLocal(DetectedIssue r, UUID localId, String source) {
        try {
            if (!"Patient".equals(r.getPatient().getReferenceElement().getResourceType())) {
                throw new BadInputException(source, "fhir.detectedIssue", new BadInputException.Reason("fhir.reason.noPatient"));
            }
            UUID patient = ObservationMapper.localId(r.getPatient().getReferenceElement().getIdPart());
            String ruleId = r.getCode().getCoding().stream().filter(c -> RULE_SYSTEM.equals(c.getSystem())).map(Coding::getCode)
                    .findFirst().orElseThrow(() -> new BadInputException(source, "fhir.detectedIssue", new BadInputException.Reason("fhir.reason.noRule")));
            Extension plan = r.getExtensionByUrl(RelaisFhir.extension(CAREPLAN));
            UUID enrollment = plan == null ? null
                    : ObservationMapper.localId(((Reference) plan.getValue()).getReferenceElement().getIdPart());
            Extension kind = r.getExtensionByUrl(RelaisFhir.extension(KIND));
            Extension step = r.getExtensionByUrl(RelaisFhir.extension(STEP));
            Extension stepAt = r.getExtensionByUrl(RelaisFhir.extension(STEP_AT));
            DetectedIssue.DetectedIssueMitigationComponent decision = r.getMitigation().stream()
                    .filter(m -> m.getAction().getCoding().stream().anyMatch(c -> ACTION_SYSTEM.equals(c.getSystem())))
                    .reduce((first, second) -> second).orElse(null);
            AlertStatus status = decision == null ? fromFhir(r.getStatus()) : AlertStatus.valueOf(decision.getAction().getCoding()
                    .stream().filter(c -> ACTION_SYSTEM.equals(c.getSystem())).findFirst().orElseThrow().getCode());
            Instant opened = r.getIdentifiedDateTimeType().getValue().toInstant();
            Instant updated = decision != null && decision.hasDate() ? decision.getDate().toInstant()
                    : r.getMeta().getLastUpdated() != null ? r.getMeta().getLastUpdated().toInstant() : opened;
            AlertLevel level = r.getSeverity() == DetectedIssue.DetectedIssueSeverity.HIGH ? AlertLevel.RED : AlertLevel.YELLOW;
            Alert alert = new Alert(localId, patient, enrollment, ruleId, r.getCode().getText(),
                    kind == null ? "ABSOLUTE" : ((Coding) kind.getValue()).getCode(), level, status, r.getDetail(), opened, updated,
                    decision == null ? null : decision.getAuthor().getDisplay(), decision == null ? null : decision.getAction().getText(),
                    step == null ? 0 : ((IntegerType) step.getValue()).getValue(),
                    stepAt == null ? null : ((DateTimeType) stepAt.getValue()).getValue().toInstant());
            List<UUID> evidence = new ArrayList<>();
            r.getEvidence().forEach(e -> e.getDetail().stream().filter(d -> "Observation".equals(d.getReferenceElement().getResourceType()))
                    .forEach(d -> evidence.add(ObservationMapper.localId(d.getReferenceElement().getIdPart()))));
            return new Received(alert, evidence);
        } catch (org.hl7.fhir.exceptions.FHIRException | NullPointerException | IllegalArgumentException | ClassCastException e) {
            throw FhirRefusal.of(source, "fhir.detectedIssue", e);
        }
    }

    private static void replace(DetectedIssue target, String name, org.hl7.fhir.r4.model.Type value) {
        target.getExtension().removeIf(e -> RelaisFhir.extension(name).equals(e.getUrl()));
        if (value != null) {
            target.addExtension(RelaisFhir.extension(name), value);
        }
    }

    private static DetectedIssue.DetectedIssueStatus status(AlertStatus status) {
        switch (status) {
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

    /** A DetectedIssue written by another tool (no Relais decision): its status alone. */
    private static AlertStatus fromFhir(DetectedIssue.DetectedIssueStatus status) {
        if (status == null) {
            return AlertStatus.OPEN;
        }
        switch (status) {
            case CANCELLED:
                return AlertStatus.DISMISSED;
            case ENTEREDINERROR:
                return AlertStatus.WITHDRAWN;
            case FINAL:
            case AMENDED:
            case CORRECTED:
                return AlertStatus.RESOLVED;
            default:
                return AlertStatus.OPEN;
        }
    }
}
