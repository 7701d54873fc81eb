package fr.relais.sync.fhir;

import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * A validator against base R4 (structure, cardinalities, value sets of the core resources; no FR Core package offline),
 * built once per test JVM: its first use loads and snapshots every core structure definition, seconds of CPU that each
 * test building its own paid again. HAPI's validator and its support chain are thread-safe and keep no state between
 * validations but their caches.
 */
public final class BaseR4Validation {
    private static FhirValidator validator;

    private BaseR4Validation() {
    }

    public static synchronized FhirValidator validator() {
        if (validator == null) {
            validator = RelaisFhir.CONTEXT.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                    new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(RelaisFhir.CONTEXT),
                    new InMemoryTerminologyServerValidationSupport(RelaisFhir.CONTEXT),
                    new CommonCodeSystemsTerminologyService(RelaisFhir.CONTEXT))));
        }
        return validator;
    }
}
