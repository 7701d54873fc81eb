package fr.relais.sync.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;

/**
 * FHIR names that belong to Relais (extension URLs and code systems) and the one shared {@link FhirContext}, which is
 * expensive to build and thread-safe once built. Relais does not own a web domain for canonical URLs yet, so its
 * own identifiers are URNs under {@code urn:relais:}.
 *
 * <p>Every context Relais makes scans the FHIR model lazily ({@link PerformanceOptionsEnum#DEFERRED_MODEL_SCANNING}):
 * a resource type's model, and the types it uses, are scanned the first time one is parsed, written or searched,
 * instead of the whole of R4 on the first use of any. A JVM that syncs once (a command, a kill worker) pays for the
 * few types Relais exchanges only (docs/benchmarks.md, "Tenth pass"). The crashes this mode had under parallel parsing
 * were fixed in HAPI 5.6.0 (hapi-fhir#3046), long before the 8.x Relais uses.
 */
public final class RelaisFhir {
    public static final FhirContext CONTEXT = deferred(FhirContext.forR4Cached());

    public static final String EXTENSION = "urn:relais:fhir:StructureDefinition:";
    public static final String PATHWAY_SYSTEM = "urn:relais:pathway";
    public static final String STEP_KIND_SYSTEM = "urn:relais:fhir:CodeSystem:step-kind";
    public static final String CARE_ROLE_SYSTEM = "urn:relais:fhir:CodeSystem:care-role";
    public static final String PPCS_NEED_SYSTEM = "urn:relais:fhir:CodeSystem:ppcs-need";
    public static final String QUESTIONNAIRE_SYSTEM = "urn:relais:fhir:CodeSystem:questionnaire";
    public static final String CONDITION_LANGUAGE = "text/x-relais-condition+json";
    public static final String LOINC = "http://loinc.org";
    public static final String UCUM = "http://unitsofmeasure.org";
    /** meta.tag system scoping shared records to a team on a shared server. */
    public static final String TEAM_TAG_SYSTEM = "urn:relais:team";
    /** Core FHIR extension for a text in another language. */
    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    private RelaisFhir() {
    }

    /**
     * A context of its own, for a client whose settings (TLS, timeouts) must not change the shared one's; scanning as
     * lazily as {@link #CONTEXT}.
     */
    public static FhirContext newContext() {
        return deferred(FhirContext.forR4());
    }

    private static FhirContext deferred(FhirContext context) {
        context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        return context;
    }

    public static String extension(String name) {
        return EXTENSION + name;
    }
}
