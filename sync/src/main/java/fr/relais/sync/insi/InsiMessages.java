package fr.relais.sync.insi;

import fr.relais.core.identity.BirthDatePrecision;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SOAP 1.2 messages of the INSi interface: the three requests (search by traits, search by carte Vitale,
 * verification) and the answer (a return code CR, and the identity when one was found). Element names follow the
 * CNAM's operations (RECSANSVITALE, RECVITALE, VERIFINS) as public integration notes name them; the exact WSDL is
 * in the CNAM "Guide d'intégration INSi" given at homologation, and any difference is fixed here only (ADR 0020).
 */
final class InsiMessages {
    static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    static final String NS = "http://www.cnamts.fr/webservice";
    static final String SEARCH = "RECSANSVITALE";
    static final String VITALE = "RECVITALE";
    static final String VERIFY = "VERIFINS";

    private InsiMessages() {
    }

    /** The return code and, for 00, the identity of the reference base. */
    record Reply(String code, Ins ins, StrictTraits traits) {
    }

    static String search(StrictTraits t) {
        return envelope(SEARCH, w -> traits(w, t));
    }

    static String vitale(VitaleReading r) {
        return envelope(VITALE, w -> {
            element(w, "NirOD", r.insuredNumber().value());
            element(w, "DateNaissance", r.beneficiaryBirthDate().toString());
            element(w, "RangGemellaire", String.valueOf(r.birthRank()));
        });
    }

    static String verify(Ins ins, StrictTraits t) {
        return envelope(VERIFY, w -> {
            element(w, "Matricule", ins.matricule().value());
            element(w, "OID", ins.oid().oid());
            traits(w, t);
        });
    }

    private static void traits(XMLStreamWriter w, StrictTraits t) throws XMLStreamException {
        element(w, "NomNaissance", t.birthFamilyName());
        element(w, "ListePrenom", t.givenNamesText());
        element(w, "Sexe", t.sex().name());
        element(w, "DateNaissance", t.birthDateIso());
        if (t.birthplaceCode() != null) {
            element(w, "LieuNaissance", t.birthplaceCode());
        }
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String envelope(String operation, Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("soap", "Envelope", SOAP);
            w.writeNamespace("soap", SOAP);
            w.writeNamespace("insi", NS);
            w.writeStartElement("soap", "Body", SOAP);
            w.writeStartElement("insi", operation, NS);
            body.write(w);
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement("insi", name, NS);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** Reads an answer; a SOAP fault or a body without a return code is an {@link IllegalArgumentException}. */
    static Reply read(byte[] xml) {
        Element root;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
            root = doc.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable answer: " + e.getMessage(), e);
        }
        Element fault = first(root, SOAP, "Fault");
        if (fault != null) {
            throw new IllegalArgumentException("SOAP fault: " + fault.getTextContent().strip());
        }
        String code = text(root, "CodeCR");
        if (code == null) {
            throw new IllegalArgumentException("no return code (CodeCR) in the answer");
        }
        Element person = first(root, NS, "Individu");
        if (!"00".equals(code) || person == null) {
            return new Reply(code, null, null);
        }
        Ins ins = new Ins(InsMatricule.parse("INSi", text(person, "Matricule")), InsOid.parse("INSi", text(person, "OID")));
        List<String> given = Arrays.stream(text(person, "ListePrenom").trim().split("\\s+")).toList();
        StrictTraits traits = new StrictTraits(text(person, "NomNaissance"), given, Sex.parse("INSi", text(person, "Sexe")),
                LocalDate.parse(text(person, "DateNaissance")), text(person, "LieuNaissance"), BirthDatePrecision.DAY);
        return new Reply(code, ins, traits);
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, NS, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static Element first(Element parent, String ns, String name) {
        var list = parent.getElementsByTagNameNS(ns, name);
        Node n = list.getLength() == 0 ? null : list.item(0);
        return (Element) n;
    }
}
