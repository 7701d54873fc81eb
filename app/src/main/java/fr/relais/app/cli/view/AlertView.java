package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import fr.relais.core.alert.Alert;
import java.time.Instant;

/** An alert in JSON output; {@code explanation} is the engine's JSON object (rule, values, thresholds) as is. */
@JsonPropertyOrder({"id", "patientId", "enrollmentId", "ruleId", "code", "kind", "level", "status", "openedAt", "updatedAt",
        "statusBy", "statusReason", "explanation"})
public record AlertView(String id, String patientId, String enrollmentId, String ruleId, String code, String kind, String level,
                        String status, Instant openedAt, Instant updatedAt, String statusBy, String statusReason,
                        @JsonRawValue String explanation) {
    public static AlertView of(Alert a) {
        return new AlertView(a.id().toString(), a.patientId().toString(), a.enrollmentId().toString(), a.ruleId(), a.code(),
                a.kind(), a.level().name(), a.status().name(), a.openedAt(), a.updatedAt(), a.statusBy(), a.statusReason(),
                a.explanation());
    }
}
