package fr.relais.core.measure;

import java.time.Instant;
import java.util.UUID;

/**
 * A measure another system sent with its value as text (FHIR valueString: "72 kg environ"), or said was not taken
 * (a dataAbsentReason and no value: {@code absentReason} holds the reason's code, {@code text} the sender's wording of
 * it): kept as written, shown in the patient file, never turned into a number nor judged, never counted as a measure.
 * {@code code} is the LOINC code of what was measured.
 */
public record TextMeasure(UUID id, UUID patientId, String code, String text, Instant effectiveAt, String status, String absentReason) {
    /** A value received as text. */
    public TextMeasure(UUID id, UUID patientId, String code, String text, Instant effectiveAt, String status) {
        this(id, patientId, code, text, effectiveAt, status, null);
    }

    /** Whether the sender said the measure was not taken (no value at all). */
    public boolean notTaken() {
        return absentReason != null;
    }

    /** Whether the sender withdrew it (entered-in-error). */
    public boolean enteredInError() {
        return "entered-in-error".equals(status);
    }
}
