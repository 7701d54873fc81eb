package fr.relais.sync.mssante;

import fr.relais.core.identity.Patient;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A CDA R2 document with an unstructured body carrying the PDF ("CDA R2 niveau 1", IHE XDS-SD): a header naming the
 * patient (INS for a qualified identity only), the author and the custodian, and the PDF in base64. Written with the
 * JDK's StAX writer, so the XML is well formed by construction.
 */
final class CdaDocument {
    static final String NS = "urn:hl7-org:v3";
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ").withZone(ZoneOffset.UTC);

    private CdaDocument() {
    }

    static String documentOid(DocumentToSend d) {
        return "2.25." + new java.math.BigInteger(1, java.nio.ByteBuffer.allocate(16).putLong(d.documentId().getMostSignificantBits())
                .putLong(d.documentId().getLeastSignificantBits()).array());
    }

    static byte[] build(DocumentToSend d, MssanteSettings settings) {
        return XmlBytes.write("CDA document", x -> {
            x.writeStartElement("ClinicalDocument");
            x.writeDefaultNamespace(NS);
            x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            empty(x, "realmCode", "code", "FR");
            empty(x, "typeId", "root", "2.16.840.1.113883.1.3", "extension", "POCD_HD000040");
            empty(x, "templateId", "root", DocumentCodes.CISIS_HEADER_TEMPLATE);
            empty(x, "templateId", "root", DocumentCodes.XDS_SD_TEMPLATE);
            empty(x, "id", "root", documentOid(d));
            empty(x, "code", "code", DocumentCodes.TYPE_CODE, "codeSystem", DocumentCodes.LOINC, "displayName", DocumentCodes.TYPE_NAME);
            text(x, "title", d.label());
            empty(x, "effectiveTime", "value", TS.format(d.createdAt()));
            empty(x, "confidentialityCode", "code", DocumentCodes.CONFIDENTIALITY, "codeSystem", DocumentCodes.CONFIDENTIALITY_SCHEME);
            empty(x, "languageCode", "code", "fr-FR");
            empty(x, "setId", "root", documentOid(d));
            empty(x, "versionNumber", "value", "1");
            recordTarget(x, d.patient(), ExchangedIdentity.of(d.patient(), settings.ippOid()));
            author(x, d, settings);
            x.writeStartElement("custodian");
            x.writeStartElement("assignedCustodian");
            x.writeStartElement("representedCustodianOrganization");
            empty(x, "id", "root", settings.ippOid());
            text(x, "name", settings.organizationName());
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeStartElement("component");
            x.writeStartElement("nonXMLBody");
            x.writeStartElement("text");
            x.writeAttribute("mediaType", "application/pdf");
            x.writeAttribute("representation", "B64");
            x.writeCharacters(Base64.getEncoder().encodeToString(d.pdf()));
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
        });
    }

    private static void recordTarget(XMLStreamWriter x, Patient p, ExchangedIdentity id) throws XMLStreamException {
        x.writeStartElement("recordTarget");
        x.writeStartElement("patientRole");
        empty(x, "id", "root", id.root(), "extension", id.extension());
        x.writeStartElement("patient");
        x.writeStartElement("name");
        x.writeStartElement("family");
        x.writeAttribute("qualifier", "BR");
        x.writeCharacters(p.traits().birthFamilyName());
        x.writeEndElement();
        for (String given : p.traits().birthGivenNames()) {
            text(x, "given", given);
        }
        x.writeEndElement();
        empty(x, "administrativeGenderCode", "code", p.traits().sex().name(), "codeSystem", "2.16.840.1.113883.5.1");
        empty(x, "birthTime", "value", p.traits().birthDateIso().replace("-", ""));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void author(XMLStreamWriter x, DocumentToSend d, MssanteSettings s) throws XMLStreamException {
        x.writeStartElement("author");
        empty(x, "time", "value", TS.format(d.createdAt()));
        x.writeStartElement("assignedAuthor");
        if (d.authorRpps() != null) {
            empty(x, "id", "root", DocumentCodes.IDNPS_OID, "extension", "8" + d.authorRpps());
        } else {
            empty(x, "id", "nullFlavor", "UNK");
        }
        x.writeStartElement("assignedPerson");
        x.writeStartElement("name");
        text(x, "family", d.authorName());
        x.writeEndElement();
        x.writeEndElement();
        x.writeStartElement("representedOrganization");
        text(x, "name", s.organizationName());
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    static void empty(XMLStreamWriter x, String name, String... attributes) throws XMLStreamException {
        x.writeEmptyElement(name);
        for (int i = 0; i < attributes.length; i += 2) {
            x.writeAttribute(attributes[i], attributes[i + 1]);
        }
    }

    static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(value == null ? "" : value);
        x.writeEndElement();
    }
}
