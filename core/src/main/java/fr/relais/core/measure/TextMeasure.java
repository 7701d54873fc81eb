package fr.relais.core.measure;

import java.time.Instant;
import java.util.UUID;

/**
 * A measure another system sent with its value as text (FHIR valueString: "72 kg environ"): kept as written, shown in
 * the patient file, never turned into a number nor judged. {@code code} is the LOINC code of what was measured.
 */
public record TextMeasure(UUID id, UUID patientId, String code, String text, Instant effectiveAt, String status) {
    /** Whether the sender withdrew it (entered-in-error). */
    public boolean enteredInError() {
        return "entered-in-error".equals(status);
    }
}
