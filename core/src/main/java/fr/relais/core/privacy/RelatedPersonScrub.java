package fr.relais.core.privacy;

import java.util.List;

/**
 * What of a FHIR RelatedPerson (JSON) identifies the relative of an anonymised patient, and through them the patient:
 * names, phones and mails, addresses, photos, day of birth and the narrative that repeats them; identifiers too (a relative's own
 * social-security number names them). The resource stays, with its relationship, its reference to the (anonymised)
 * patient, its period and its writer's extensions: it is the other system's record, Relais only erases the person in
 * it. One rule for the copy kept here as the base of the push and the RelatedPerson pushed (the sync engine).
 */
public final class RelatedPersonScrub {
    private RelatedPersonScrub() {
    }

    /** {@code relatedPerson}: a RelatedPerson as FHIR JSON; the same without what identifies the relative. */
    public static String anonymised(String relatedPerson) {
        return FhirJsonEdit.edit(relatedPerson, resource -> resource.remove(List.of("text", "identifier", "name", "telecom", "address", "photo", "birthDate")));
    }
}
