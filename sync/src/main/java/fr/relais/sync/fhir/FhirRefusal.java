package fr.relais.sync.fhir;

import fr.relais.core.error.BadInputException;

/**
 * The refusal of a FHIR record Relais cannot read, with the reason in the reader's language. The mappers used to pass
 * the exception's own message ("For input string", "Cannot invoke ... because ... is null", "No enum constant
 * fr.relais..."): English library text with class names inside a French sentence, which the fuzz campaign's clean-refusal
 * check of issue 23 rejects.
 */
public final class FhirRefusal {
    private FhirRefusal() {
    }

    /** {@code key} takes the reason as its only argument ({@code fhir.observation}, {@code fhir.patient}, ...). */
    static BadInputException of(String source, String key, RuntimeException e) {
        return new BadInputException(source, key, reason(e));
    }

    /** Why a record could not be read, to translate: a refusal's own reason, else the kind of fault in words. */
    public static BadInputException.Reason reason(RuntimeException e) {
        if (e instanceof BadInputException refused) {
            return BadInputException.Reason.of(refused);
        }
        if (e instanceof NumberFormatException || e instanceof ArithmeticException) {
            return new BadInputException.Reason("fhir.reason.number");
        }
        if (e instanceof java.time.DateTimeException || e instanceof ca.uhn.fhir.parser.DataFormatException) {
            return new BadInputException.Reason("fhir.reason.date");
        }
        if (e instanceof NullPointerException || e instanceof IndexOutOfBoundsException) {
            return new BadInputException.Reason("fhir.reason.missing");
        }
        if (e instanceof IllegalArgumentException || e instanceof org.hl7.fhir.exceptions.FHIRException) {
            return new BadInputException.Reason("fhir.reason.value");
        }
        return new BadInputException.Reason("fhir.reason.other");
    }
}
