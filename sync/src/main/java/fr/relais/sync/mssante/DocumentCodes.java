package fr.relais.sync.mssante;

/**
 * The codes a coordination document is filed under (CDA header and XDS metadata). They follow the CI-SIS value sets
 * as far as the reference notes go; an operator or a DMP integration may ask for others, and they then change here only.
 */
final class DocumentCodes {
    static final String LOINC = "2.16.840.1.113883.6.1";
    /** "Summary of episode note": a pathway report summarises a period of coordinated care. */
    static final String TYPE_CODE = "34133-9";
    static final String TYPE_NAME = "Synthèse d'épisode de soins";
    /** CI-SIS class "compte rendu" (TRE_A03-ClasseDocument). */
    static final String CLASS_CODE = "10";
    static final String CLASS_SCHEME = "1.2.250.1.213.1.1.4.1";
    static final String CLASS_NAME = "Compte rendu";
    /** A PDF wrapped in a CDA R2 document with an unstructured body (IHE XDS-SD), "CDA R2 niveau 1". */
    static final String FORMAT_CODE = "urn:ihe:iti:xds-sd:pdf:2008";
    static final String FORMAT_SCHEME = "1.3.6.1.4.1.19376.1.2.3";
    static final String CONFIDENTIALITY = "N";
    static final String CONFIDENTIALITY_SCHEME = "2.16.840.1.113883.5.25";
    static final String PRACTICE_SETTING = "AMBULATOIRE";
    static final String PRACTICE_SETTING_SCHEME = "1.2.250.1.213.1.1.4.9";
    static final String FACILITY_TYPE = "SA07";
    static final String FACILITY_TYPE_SCHEME = "1.2.250.1.71.4.2.4";
    /** IDNPS (the author's national identifier) and the XDS-SD and CI-SIS CDA templates. */
    static final String IDNPS_OID = "1.2.250.1.71.4.2.1";
    static final String XDS_SD_TEMPLATE = "1.3.6.1.4.1.19376.1.2.20";
    static final String CISIS_HEADER_TEMPLATE = "1.2.250.1.213.1.1.1.1";

    private DocumentCodes() {
    }
}
