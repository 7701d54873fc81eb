package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import fr.relais.core.alert.Alert;
import java.time.Instant;

/**
 * An alert in JSON output; {@code explanation} is the engine's JSON object (rule, values, thresholds) as is;
 * {@code enrollmentId} is null for a patient-level alert (a significant questionnaire answer).
 */
@JsonPropertyOrder({"id", "patientId", "enrollmentId", "ruleId", "code", "kind", "level", "status", "openedAt", "updatedAt",
        "statusBy", "statusReason", "escalationStep", "escalatedAt", "explanation"})
public record AlertView(String id, String patientId, String enrollmentId, String ruleId, String code, String kind, String level,
                        String status, Instant openedAt, Instant updatedAt, String statusBy, String statusReason,
                        int escalationStep, Instant escalatedAt, @JsonRawValue String explanation) {
    public static AlertView of(Alert a) {
        return new AlertView(a.id().toString(), a.patientId().toString(), a.enrollmentId() == null ? null : a.enrollmentId().toString(), a.ruleId(), a.code(),
                a.kind(), a.level().name(), a.status().name(), a.openedAt(), a.updatedAt(), a.statusBy(), a.statusReason(),
                a.escalationStep(), a.escalatedAt(), a.explanation());
    }
}
