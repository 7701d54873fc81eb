package fr.relais.sync.mssante;

import fr.relais.core.identity.Patient;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code METADATA.XML} of an XDM media: an ebRIM SubmitObjectsRequest with one submission set and one document entry
 * (IHE ITI TF-3 §4.2): creation time, SHA-1 hash and size of {@code DOC0001.XML}, patient identifiers, author, and
 * the class, type, format, confidentiality, facility and practice codes; the scheme UUIDs are the XDS ones.
 */
final class XdsMetadata {
    static final String RIM = "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0";
    static final String LCM = "urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0";
    private static final DateTimeFormatter DTM = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private XdsMetadata() {
    }

    static byte[] build(DocumentToSend d, MssanteSettings s, String documentSha1, long documentSize) {
        ExchangedIdentity id = ExchangedIdentity.of(d.patient(), s.ippOid());
        String docOid = CdaDocument.documentOid(d);
        return XmlBytes.write("XDS metadata", x -> {
            x.setPrefix("lcm", LCM);
            x.setPrefix("rim", RIM);
            x.writeStartElement(LCM, "SubmitObjectsRequest");
            x.writeNamespace("lcm", LCM);
            x.writeNamespace("rim", RIM);
            x.writeStartElement(RIM, "RegistryObjectList");

            x.writeStartElement(RIM, "RegistryPackage");
            x.writeAttribute("id", "SubmissionSet01");
            x.writeAttribute("objectType", "urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject");
            slot(x, "submissionTime", DTM.format(d.createdAt()));
            slot(x, "intendedRecipient", intendedRecipient(d.recipient()));
            name(x, d.label());
            classification(x, "urn:uuid:a7058bb9-b4e4-4307-ba5b-e3f0ab85e12d", "SubmissionSet01", "", null, null,
                    List.of(new String[] {"authorPerson", author(d)}, new String[] {"authorInstitution", s.organizationName()}));
            classification(x, "urn:uuid:aa543740-bdda-424e-8c96-df4873be8500", "SubmissionSet01", DocumentCodes.TYPE_CODE,
                    DocumentCodes.LOINC, DocumentCodes.TYPE_NAME, List.of());
            externalIdentifier(x, "urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446", "SubmissionSet01", id.cx(), "XDSSubmissionSet.patientId");
            externalIdentifier(x, "urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832", "SubmissionSet01", s.ippOid(), "XDSSubmissionSet.sourceId");
            externalIdentifier(x, "urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8", "SubmissionSet01", docOid + ".1", "XDSSubmissionSet.uniqueId");
            x.writeEndElement();
            x.writeEmptyElement(RIM, "Classification");
            x.writeAttribute("id", "cl-submission");
            x.writeAttribute("classifiedObject", "SubmissionSet01");
            x.writeAttribute("classificationNode", "urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd");

            x.writeStartElement(RIM, "ExtrinsicObject");
            x.writeAttribute("id", "Document01");
            x.writeAttribute("mimeType", "text/xml");
            x.writeAttribute("objectType", "urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1");
            slot(x, "creationTime", DTM.format(d.createdAt()));
            slot(x, "hash", documentSha1);
            slot(x, "size", Long.toString(documentSize));
            slot(x, "languageCode", "fr-FR");
            slot(x, "sourcePatientId", id.cx());
            slot(x, "sourcePatientInfo", sourcePatientInfo(d.patient()));
            slot(x, "URI", "DOC0001.XML");
            name(x, d.label());
            classification(x, "urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d", "Document01", "", null, null,
                    List.of(new String[] {"authorPerson", author(d)}, new String[] {"authorInstitution", s.organizationName()}));
            classification(x, "urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a", "Document01", DocumentCodes.CLASS_CODE,
                    DocumentCodes.CLASS_SCHEME, DocumentCodes.CLASS_NAME, List.of());
            classification(x, "urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f", "Document01", DocumentCodes.CONFIDENTIALITY,
                    DocumentCodes.CONFIDENTIALITY_SCHEME, "Normal", List.of());
            classification(x, "urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d", "Document01", DocumentCodes.FORMAT_CODE,
                    DocumentCodes.FORMAT_SCHEME, "PDF/A embedded in CDA", List.of());
            classification(x, "urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1", "Document01", DocumentCodes.FACILITY_TYPE,
                    DocumentCodes.FACILITY_TYPE_SCHEME, "Secteur ambulatoire", List.of());
            classification(x, "urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead", "Document01", DocumentCodes.PRACTICE_SETTING,
                    DocumentCodes.PRACTICE_SETTING_SCHEME, "Ambulatoire", List.of());
            classification(x, "urn:uuid:f0306f51-975f-434e-a61c-c59651d33983", "Document01", DocumentCodes.TYPE_CODE,
                    DocumentCodes.LOINC, DocumentCodes.TYPE_NAME, List.of());
            externalIdentifier(x, "urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427", "Document01", id.cx(), "XDSDocumentEntry.patientId");
            externalIdentifier(x, "urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab", "Document01", docOid, "XDSDocumentEntry.uniqueId");
            x.writeEndElement();

            x.writeStartElement(RIM, "Association");
            x.writeAttribute("id", "as01");
            x.writeAttribute("associationType", "urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember");
            x.writeAttribute("sourceObject", "SubmissionSet01");
            x.writeAttribute("targetObject", "Document01");
            slot(x, "SubmissionSetStatus", "Original");
            x.writeEndElement();

            x.writeEndElement();
            x.writeEndElement();
        });
    }

    /**
     * IHE ITI TF-3 §4.2.3.3.9: {@code XON|XCN|XTN}, organisation, person and telecom each optional. A mailbox alone
     * is {@code ||^^Internet^address}: empty XON and XCN, then the XTN with "Internet" as its equipment type
     * (component 3) and the address as its e-mail component (component 4).
     */
    static String intendedRecipient(String mailbox) {
        return "||^^Internet^" + mailbox;
    }

    /** XCN: {@code IDNPS^NAME^^^^^^^&1.2.250.1.71.4.2.1&ISO^D^^^IDNPS} when the author's RPPS is known. */
    private static String author(DocumentToSend d) {
        return d.authorRpps() == null ? "^" + d.authorName()
                : "8" + d.authorRpps() + "^" + d.authorName() + "^^^^^^^&" + DocumentCodes.IDNPS_OID + "&ISO^D^^^IDNPS";
    }

    private static String sourcePatientInfo(Patient p) {
        return "PID-5|" + p.traits().birthFamilyName() + "^" + p.traits().firstGivenName() + "^^^^^L" + "~PID-7|"
                + p.traits().birthDateIso().replace("-", "") + "~PID-8|" + p.traits().sex().name();
    }

    private static void slot(XMLStreamWriter x, String name, String... values) throws XMLStreamException {
        x.writeStartElement(RIM, "Slot");
        x.writeAttribute("name", name);
        x.writeStartElement(RIM, "ValueList");
        for (String v : values) {
            x.writeStartElement(RIM, "Value");
            x.writeCharacters(v);
            x.writeEndElement();
        }
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void name(XMLStreamWriter x, String value) throws XMLStreamException {
        x.writeStartElement(RIM, "Name");
        x.writeEmptyElement(RIM, "LocalizedString");
        x.writeAttribute("value", value);
        x.writeEndElement();
    }

    private static void classification(XMLStreamWriter x, String scheme, String object, String code, String codingScheme, String display,
                                       List<String[]> slots) throws XMLStreamException {
        x.writeStartElement(RIM, "Classification");
        x.writeAttribute("id", "cl" + scheme.substring(scheme.length() - 6) + object);
        x.writeAttribute("classificationScheme", scheme);
        x.writeAttribute("classifiedObject", object);
        x.writeAttribute("nodeRepresentation", code);
        if (codingScheme != null) {
            slot(x, "codingScheme", codingScheme);
        }
        for (String[] s : slots) {
            slot(x, s[0], s[1]);
        }
        if (display != null) {
            name(x, display);
        }
        x.writeEndElement();
    }

    private static void externalIdentifier(XMLStreamWriter x, String scheme, String object, String value, String label)
            throws XMLStreamException {
        x.writeStartElement(RIM, "ExternalIdentifier");
        x.writeAttribute("id", "ei" + scheme.substring(scheme.length() - 6) + object);
        x.writeAttribute("identificationScheme", scheme);
        x.writeAttribute("registryObject", object);
        x.writeAttribute("value", value);
        name(x, label);
        x.writeEndElement();
    }
}
