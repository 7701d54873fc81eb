package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.measure.Measure;
import java.math.BigDecimal;
import java.time.Instant;

/** A measure in JSON output: the canonical value as a JSON number, what was typed beside it. */
@JsonPropertyOrder({"id", "patientId", "code", "value", "unit", "originalValue", "originalUnit", "effectiveAt", "source",
        "recordedBy", "unusual", "status", "errorReason", "held", "preliminary"})
public record MeasureView(String id, String patientId, String code, BigDecimal value, String unit, String originalValue,
                          String originalUnit, Instant effectiveAt, String source, String recordedBy, boolean unusual,
                          String status, String errorReason, boolean held, boolean preliminary) {
    public static MeasureView of(Measure m) {
        return of(m, false);
    }

    /** {@code held}: a device measure held, unjudged, until the patient consents to telemonitoring again. */
    public static MeasureView of(Measure m, boolean held) {
        return new MeasureView(m.id().toString(), m.patientId().toString(), m.code(), m.value(), m.unit(), m.originalValue(),
                m.originalUnit(), m.effectiveAt(), m.source().name(), m.recordedBy(), m.unusual(), m.status().name(), m.errorReason(),
                held, m.preliminary());
    }
}
