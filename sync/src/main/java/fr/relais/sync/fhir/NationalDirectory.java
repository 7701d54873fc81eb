package fr.relais.sync.fhir;

import fr.relais.core.careteam.Profession;
import java.util.Map;

/**
 * Names of the national directory (Annuaire Santé, NOS terminologies) shared by the practitioner mapping and the
 * Annuaire client: shared/reference/national-services.md §1.
 */
public final class NationalDirectory {
    /** RPPS number (11 digits). */
    public static final String RPPS = "https://rpps.esante.gouv.fr";
    /** IDNPS: a type prefix then the id, "8" + RPPS for a professional registered in the RPPS. */
    public static final String IDNPS = "urn:oid:1.2.250.1.71.4.2.1";
    public static final String IDNST = "urn:oid:1.2.250.1.71.4.2.2";
    public static final String FINESS = "https://finess.esante.gouv.fr";
    public static final String SIRET = "https://sirene.fr";
    public static final String PROFESSION = "https://mos.esante.gouv.fr/NOS/TRE_G15-ProfessionSante/FHIR/TRE-G15-ProfessionSante";
    public static final String SAVOIR_FAIRE = "https://mos.esante.gouv.fr/NOS/TRE_R38-SpecialiteOrdinale/FHIR/TRE-R38-SpecialiteOrdinale";
    public static final String EMAIL_TYPE_SYSTEM = "https://mos.esante.gouv.fr/NOS/TRE_R256-TypeMessagerie/FHIR/TRE-R256-TypeMessagerie";
    public static final String MAILBOX_METADATA = "https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata";
    public static final String BAL_TYPE = "https://mos.esante.gouv.fr/NOS/TRE_R257-TypeBAL/FHIR/TRE-R257-TypeBAL";

    /** TRE_G15 codes of the professions Relais groups; the others read as {@link Profession#AUTRE}. */
    private static final Map<Profession, String> G15 = Map.of(Profession.MEDECIN, "10", Profession.PHARMACIEN, "21",
            Profession.INFIRMIER, "60", Profession.MASSEUR_KINESITHERAPEUTE, "70");

    private NationalDirectory() {
    }

    public static String professionCode(Profession p) {
        return G15.get(p);
    }

    public static Profession profession(String g15Code) {
        return G15.entrySet().stream().filter(e -> e.getValue().equals(g15Code)).map(Map.Entry::getKey).findFirst()
                .orElse(Profession.AUTRE);
    }

    /**
     * The RPPS number identifiers give: the RPPS identifier, else one derived from an IDNPS of type 8 ("8" + the 11-digit
     * RPPS, ANS "PSIdNat", docs/sync.md): a Practitioner another system identified by IDNPS only is the same
     * professional as the directory's. Null when neither says it (an IDNPS of another type: ADELI, FINESS...).
     */
    public static String rppsOf(java.util.List<org.hl7.fhir.r4.model.Identifier> identifiers) {
        return identifiers.stream().filter(i -> RPPS.equals(i.getSystem()) && i.hasValue()).map(org.hl7.fhir.r4.model.Identifier::getValue)
                .findFirst().orElseGet(() -> identifiers.stream().filter(i -> IDNPS.equals(i.getSystem()) && i.hasValue())
                        .map(org.hl7.fhir.r4.model.Identifier::getValue).filter(v -> v.matches("8\\d{11}")).map(v -> v.substring(1))
                        .findFirst().orElse(null));
    }

    /** The IDNPS of a professional registered in the RPPS. */
    public static String idnps(String rpps) {
        return "8" + rpps;
    }
}
