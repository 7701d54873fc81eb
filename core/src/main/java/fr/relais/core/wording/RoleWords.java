package fr.relais.core.wording;

import fr.relais.core.careteam.Coded;
import fr.relais.core.careteam.OtherParticipant;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.Locale;
import java.util.Map;

/**
 * What another system's coded relationship or role is in words: "fille" for HL7 v3 RoleCode DAU (the hospital wrote
 * "Daughter"), "Soins palliatifs" for SNOMED CT 385763009 ("Hospice care"). A code Relais has no words for keeps the
 * other system's words, as they were written: better English than nothing, and never a bare code when words exist.
 * The codes Relais knows are listed in the wording bundle ({@code code.<system>.<code>}) and in docs/sync.md.
 */
public final class RoleWords {
    /**
     * The public code systems Relais has words for, by URL, and their short name in the wording bundle's keys. The
     * French national terminologies FR Core binds a RelatedPerson's relationship to are read here too: TRE_R216
     * (HL7RoleCode, the relation to the patient) is HL7 v3 RoleCode taken over by the ANS, with the same codes, so it
     * shares its words; TRE_R260 (HL7RoleClass, the person's role: aidant, personne de confiance…) has its own.
     */
    private static final Map<String, String> SYSTEMS = Map.of(
            "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "v3RoleCode",
            "https://mos.esante.gouv.fr/NOS/TRE_R216-HL7RoleCode/FHIR/TRE-R216-HL7RoleCode", "v3RoleCode",
            "https://mos.esante.gouv.fr/NOS/TRE_R260-HL7RoleClass/FHIR/TRE-R260-HL7RoleClass", "TRE_R260",
            "http://terminology.hl7.org/CodeSystem/v2-0131", "v2-0131",
            "http://snomed.info/sct", "sct");

    private final Localization words;

    public RoleWords(Language language) {
        this.words = WordingBundle.of(language);
    }

    /** The words for a coded concept: Relais' when it knows the code, else the other system's (null when none). */
    public String of(Coded coded) {
        if (coded == null) {
            return null;
        }
        String system = SYSTEMS.get(coded.system());
        String key = system == null ? null : "code." + system + "." + coded.code();
        return key != null && words.has(key) ? words.text(key) : coded.display();
    }

    /** A participant's role at the start of its line ("Soins palliatifs"), else as the other system wrote it. */
    public String role(OtherParticipant participant) {
        String known = participant.roleCode() == null ? null : of(participant.roleCode());
        if (known == null || known.equals(participant.role())) {
            return participant.role();
        }
        return known.substring(0, 1).toUpperCase(Locale.ROOT) + known.substring(1);
    }

    /** What the relative a participant names is to the patient ("fille"), when their record codes it; else null. */
    public String relationship(OtherParticipant participant) {
        return of(participant.relationship());
    }
}
