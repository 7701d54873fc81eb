package fr.relais.sync.fhir;

/** FR Core (HL7 France) names used by the mappers: shared/reference/national-services.md §2–3. */
final class FrCore {
    static final String BASE = "https://hl7.fr/ig/fhir/core/";
    static final String PATIENT_PROFILE = BASE + "StructureDefinition/fr-core-patient";
    static final String PATIENT_INS_PROFILE = BASE + "StructureDefinition/fr-core-patient-ins";
    static final String IDENTITY_RELIABILITY = BASE + "StructureDefinition/fr-core-identity-reliability";
    static final String BIRTH_LIST_GIVEN_NAME = BASE + "StructureDefinition/fr-core-patient-birth-list-given-name";
    static final String INSEE_CODE = BASE + "StructureDefinition/fr-core-address-insee-code";
    static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";
    static final String IDENTIFIER_TYPE = BASE + "CodeSystem/fr-core-cs-v2-0203";
    static final String IDENTITY_STATUS = BASE + "CodeSystem/fr-core-cs-identity-status";
    static final String METHOD_COLLECTION = BASE + "CodeSystem/fr-core-cs-method-collection";
    static final String VALIDATION_MODE = BASE + "CodeSystem/fr-core-cs-mode-validation-identity";
    static final String COMMUNE = "https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM";
    static final String EMAIL_TYPE = BASE + "StructureDefinition/fr-core-contact-point-email-type";
    static final String HL7_IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";

    private FrCore() {
    }
}
