package fr.relais.core.privacy;

import java.util.List;

/**
 * What of a FHIR Patient (JSON) identifies an anonymised patient, removed whoever wrote it: identifiers (a hospital's
 * IPP, the INS), names, phones, addresses, photos, contacts, links, multiple birth, the narrative that repeats them,
 * the birthplace, and the day and month of birth (the year stays). Other elements stay (sex, other systems'
 * extensions, security labels, the managing organisation). One rule for the two places that hold the server's
 * Patient: the copy kept as the base of three-way merges here ({@link ForeignRecordsErasure}) and the Patient pushed
 * to the team server (the sync engine, which then writes what Relais keeps: ANONYME, the year, the sex).
 */
public final class PatientScrub {
    private static final String BIRTH_PLACE = "http://hl7.org/fhir/StructureDefinition/patient-birthPlace";

    private PatientScrub() {
    }

    /** {@code patient}: a Patient as FHIR JSON; the same without what identifies them. */
    public static String anonymised(String patient) {
        return FhirJsonEdit.edit(patient, resource -> {
            resource.remove(List.of("text", "identifier", "name", "telecom", "address", "photo", "contact", "link",
                    "multipleBirthBoolean", "multipleBirthInteger"));
            String birthDate = resource.path("birthDate").asText("");
            if (birthDate.length() > 4) {
                resource.put("birthDate", birthDate.substring(0, 4));
            }
            FhirJsonEdit.removeFrom(resource, "extension", e -> BIRTH_PLACE.equals(e.path("url").asText()));
        });
    }
}
