package fr.relais.sync.dmp;

import fr.relais.core.identity.Ins;
import fr.relais.core.messaging.DmpDocumentKind;
import fr.relais.sync.mssante.DocumentCodes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;

/**
 * The ITI-65 "provide document bundle" of the PDSm (IHE MHD, comprehensive metadata) for one PDF: a transaction with
 * the SubmissionSet (List), the DocumentReference with its French metadata, and the Binary. The patient is named by
 * the INS alone (the caller checks the identity is qualified), the author by RPPS (as IDNPS), and a replaced
 * version by {@code relatesTo} "replaces". Codes come from {@link DocumentCodes}, shared with the MSSanté XDM.
 */
final class ProvideDocumentBundle {
    static final String PDSM = "https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/";
    static final String BUNDLE_PROFILE = PDSM + "pdsm-comprehensive-provide-document-bundle";
    static final String SUBMISSION_SET_PROFILE = PDSM + "pdsm-submissionset-comprehensive";
    static final String DOCUMENT_REFERENCE_PROFILE = PDSM + "pdsm-comprehensive-document-reference";
    static final String SOURCE_ID = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId";
    /** The SubmissionSet's contentTypeCode, 1..1 in MHD Comprehensive. */
    static final String DESIGNATION_TYPE = "https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-designationType";
    /** OIDs made from a UUID (ITU-T X.667): a SubmissionSet's uniqueId must be an OID in MHD. */
    static final String UUID_OID_ARC = "2.25.";
    static final String LIST_TYPES = "https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes";
    static final String FORMAT_CODES = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode";
    /** A PDF sent as such (not wrapped in CDA): IHE's "the MIME type says it all" format code. */
    static final String PDF_FORMAT = "urn:ihe:iti:xds:2017:mimeTypeSufficient";
    static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** LOINC "Plan of care note": the urgent care plan (VERIFY in JDV_J07-XdsTypeCode-CISIS). */
    static final String CARE_PLAN_TYPE = "18776-5";

    private ProvideDocumentBundle() {
    }

    /** The bundle, and the DocumentReference's entryUUID to find it in the server's answer. */
    record Built(Bundle bundle, String documentFullUrl) {
    }

    static Built build(Ins ins, DmpDocumentKind kind, String title, byte[] pdf, Instant created, DmpAuthor author,
                       DmpSettings settings, String replacedDocumentReference) {
        String binaryUrl = "urn:uuid:" + UUID.randomUUID();
        String documentUrl = "urn:uuid:" + UUID.randomUUID();
        String listUrl = "urn:uuid:" + UUID.randomUUID();
        Reference patient = new Reference().setIdentifier(new Identifier().setSystem("urn:oid:" + ins.oid().oid())
                .setValue(ins.matricule().value()).setType(new CodeableConcept(new Coding(
                        "https://hl7.fr/ig/fhir/core/CodeSystem/fr-core-cs-v2-0203", ins.oid().typeCode(), null))));
        Date date = Date.from(created);

        Binary binary = new Binary();
        binary.setContentType("application/pdf");
        binary.setData(pdf);

        DocumentReference document = new DocumentReference();
        document.getMeta().addProfile(DOCUMENT_REFERENCE_PROFILE);
        document.addContained(practitioner(author));
        document.addContained(new Organization().setName(settings.organizationName()).setId("custodian"));
        document.addContained(sourcePatient(ins));
        document.setMasterIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem("urn:ietf:rfc:3986")
                .setValue("urn:uuid:" + UUID.randomUUID()));
        document.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:ietf:rfc:3986").setValue(documentUrl));
        document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
        CodeableConcept type = kind == DmpDocumentKind.PATHWAY_REPORT
                ? new CodeableConcept(new Coding("http://loinc.org", DocumentCodes.TYPE_CODE, DocumentCodes.TYPE_NAME))
                : new CodeableConcept(new Coding("http://loinc.org", CARE_PLAN_TYPE, "Plan de soins"));
        document.setType(type);
        document.addCategory(new CodeableConcept(new Coding("urn:oid:" + DocumentCodes.CLASS_SCHEME, DocumentCodes.CLASS_CODE,
                DocumentCodes.CLASS_NAME)));
        document.setSubject(patient);
        document.setDate(date);
        document.addAuthor(new Reference("#author"));
        document.setCustodian(new Reference("#custodian"));
        document.addSecurityLabel(new CodeableConcept(new Coding(CONFIDENTIALITY, DocumentCodes.CONFIDENTIALITY, "normal")));
        if (replacedDocumentReference != null) {
            document.addRelatesTo().setCode(DocumentReference.DocumentRelationshipType.REPLACES)
                    .setTarget(new Reference(replacedDocumentReference));
        }
        document.addContent().setAttachment(new Attachment().setContentType("application/pdf").setLanguage("fr-FR").setUrl(binaryUrl)
                        .setSize(pdf.length).setHash(sha1(pdf)).setTitle(title).setCreationElement(new org.hl7.fhir.r4.model.DateTimeType(date)))
                .setFormat(new Coding(FORMAT_CODES, PDF_FORMAT, null));
        document.getContext().setFacilityType(new CodeableConcept(new Coding("urn:oid:" + DocumentCodes.FACILITY_TYPE_SCHEME,
                DocumentCodes.FACILITY_TYPE, null)));
        document.getContext().setSourcePatientInfo(new Reference("#patient"));
        document.getContext().setPracticeSetting(new CodeableConcept(new Coding("urn:oid:" + DocumentCodes.PRACTICE_SETTING_SCHEME,
                DocumentCodes.PRACTICE_SETTING, null)));

        ListResource submission = new ListResource();
        submission.getMeta().addProfile(SUBMISSION_SET_PROFILE);
        submission.addContained(practitioner(author));
        submission.addExtension(SOURCE_ID, new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:oid:" + settings.sourceOid()));
        // contentTypeCode: the document's type (VERIFY against JDV_J59-ContentTypeCode-DMP with the DMP's homologation).
        submission.addExtension(DESIGNATION_TYPE, type.copy());
        submission.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.USUAL).setSystem("urn:ietf:rfc:3986")
                .setValue("urn:oid:" + uuidOid(UUID.randomUUID())));
        submission.addIdentifier(new Identifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:ietf:rfc:3986").setValue(listUrl));
        submission.setStatus(ListResource.ListStatus.CURRENT);
        submission.setMode(ListResource.ListMode.WORKING);
        submission.setTitle(title);
        submission.setCode(new CodeableConcept(new Coding(LIST_TYPES, "submissionset", "Submission Set")));
        submission.setSubject(patient.copy());
        submission.setDate(date);
        submission.setSource(new Reference("#author"));
        submission.addEntry().setItem(new Reference(documentUrl));

        Bundle bundle = new Bundle();
        bundle.getMeta().addProfile(BUNDLE_PROFILE);
        bundle.setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl(listUrl).setResource(submission).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("List");
        bundle.addEntry().setFullUrl(documentUrl).setResource(document).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("DocumentReference");
        bundle.addEntry().setFullUrl(binaryUrl).setResource(binary).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Binary");
        return new Built(bundle, documentUrl);
    }

    /** The patient as the sending system knows it (sourcePatientInfo, contained): the INS, as the subject. */
    private static org.hl7.fhir.r4.model.Patient sourcePatient(Ins ins) {
        org.hl7.fhir.r4.model.Patient p = new org.hl7.fhir.r4.model.Patient();
        p.setId("patient");
        p.addIdentifier().setUse(Identifier.IdentifierUse.OFFICIAL).setSystem("urn:oid:" + ins.oid().oid()).setValue(ins.matricule().value());
        return p;
    }

    /** {@code 2.25.} and the UUID as one unsigned integer. */
    static String uuidOid(UUID uuid) {
        return UUID_OID_ARC + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }

    /** The author as a contained Practitioner: IDNPS (8 + RPPS, OID 1.2.250.1.71.4.2.1) and name. */
    private static Practitioner practitioner(DmpAuthor author) {
        Practitioner p = new Practitioner();
        p.setId("author");
        p.addIdentifier().setSystem("urn:oid:" + DocumentCodes.IDNPS_OID).setValue("8" + author.rpps());
        p.addName(new HumanName().setText(author.name()));
        return p;
    }

    static byte[] sha1(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
