package fr.relais.sync.fhir;

import ca.uhn.fhir.context.FhirContext;

/**
 * FHIR names that belong to Relais (extension URLs and code systems) and the one shared {@link FhirContext}, which is
 * expensive to build and thread-safe once built. Relais does not own a web domain for canonical URLs yet, so its
 * own identifiers are URNs under {@code urn:relais:}.
 */
public final class RelaisFhir {
    public static final FhirContext CONTEXT = FhirContext.forR4Cached();

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

    public static String extension(String name) {
        return EXTENSION + name;
    }
}
