package fr.relais.sync.mssante;

/**
 * The codes a coordination document is filed under (CDA header and XDS metadata of MSSanté, the DMP's MHD
 * DocumentReference). They follow the CI-SIS value sets as far as the reference notes go; an operator or a DMP
 * integration may ask for others, and they then change here only.
 */
public final class DocumentCodes {
    public static final String LOINC = "2.16.840.1.113883.6.1";
    /** "Summary of episode note": a pathway report summarises a period of coordinated care. */
    public static final String TYPE_CODE = "34133-9";
    public static final String TYPE_NAME = "Synthèse d'épisode de soins";
    /** CI-SIS class "compte rendu" (TRE_A03-ClasseDocument). */
    public static final String CLASS_CODE = "10";
    public static final String CLASS_SCHEME = "1.2.250.1.213.1.1.4.1";
    public static final String CLASS_NAME = "Compte rendu";
    /** A PDF wrapped in a CDA R2 document with an unstructured body (IHE XDS-SD), "CDA R2 niveau 1". */
    public static final String FORMAT_CODE = "urn:ihe:iti:xds-sd:pdf:2008";
    public static final String FORMAT_SCHEME = "1.3.6.1.4.1.19376.1.2.3";
    public static final String CONFIDENTIALITY = "N";
    public static final String CONFIDENTIALITY_SCHEME = "2.16.840.1.113883.5.25";
    public static final String PRACTICE_SETTING = "AMBULATOIRE";
    public static final String PRACTICE_SETTING_SCHEME = "1.2.250.1.213.1.1.4.9";
    public static final String FACILITY_TYPE = "SA07";
    public static final String FACILITY_TYPE_SCHEME = "1.2.250.1.71.4.2.4";
    /** IDNPS (the author's national identifier) and the XDS-SD and CI-SIS CDA templates. */
    public static final String IDNPS_OID = "1.2.250.1.71.4.2.1";
    public static final String XDS_SD_TEMPLATE = "1.3.6.1.4.1.19376.1.2.20";
    public static final String CISIS_HEADER_TEMPLATE = "1.2.250.1.213.1.1.1.1";

    private DocumentCodes() {
    }
}
