package fr.relais.sync.adt;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.EncodingCharacters;
import fr.relais.core.hospital.HospitalDocumentMessage;
import fr.relais.core.hospital.HospitalDocuments;
import fr.relais.core.hospital.PatientIdentifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a hospital's document from an MDM^T02 message (HL7 v2.5, or v2.6 as ANS's "Transmission au LPS de documents CDA
 * reçus par MSSanté" writes it; docs/hospital-events.md, "The discharge letter") into a
 * {@link HospitalDocumentMessage}, or refuses it: another event than T02, another version: AR; no control id: AR; no
 * sender, no patient identifier, no document in an OBX of type ED, a document that is not Base64, not what its MIME type
 * says, or over {@link HospitalDocuments#MAX_BYTES}: AE. The patient's identifiers are read as the ADT messages' are.
 */
final class MdmMessageReader {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private MdmMessageReader() {
    }

    static HospitalDocumentMessage read(Message message) throws DocumentRefusal {
        try {
            Segments segments = Segments.of(message);
            Segment msh = segments.first("MSH");
            String trigger = AdtMessageReader.field(msh, 9, 0, 2, 1);
            String version = AdtMessageReader.field(msh, 12, 0, 1, 1);
            String controlId = AdtMessageReader.field(msh, 10, 0, 1, 1);
            if (controlId == null || controlId.isBlank()) {
                throw new DocumentRefusal(AcknowledgmentCode.AR, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-10 (message control id) is missing",
                        "MSH-10 (identifiant du message) absent");
            }
            if (version == null || !(version.startsWith("2.5") || version.startsWith("2.6"))) {
                throw new DocumentRefusal(AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_VERSION_ID,
                        "Version " + version + " is not supported (2.5 or 2.6 expected)", "version " + version + " non prise en charge (2.5 ou 2.6 attendue)");
            }
            if (!"T02".equals(trigger)) {
                throw new DocumentRefusal(AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_EVENT_CODE, "Event " + trigger + " is not supported (T02 only)",
                        "évènement " + trigger + " non pris en charge (seul T02, nouveau document, l'est)");
            }
            String application = AdtMessageReader.field(msh, 3, 0, 1, 1);
            String facility = AdtMessageReader.hd(msh, 4);
            if (application == null || facility == null) {
                throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-3 or MSH-4 (sender) is missing",
                        "MSH-3 ou MSH-4 (expéditeur) absent");
            }
            Segment pid = segments.first("PID");
            List<PatientIdentifier> identifiers = AdtMessageReader.identifiers(pid);
            if (identifiers.stream().noneMatch(i -> i.value() != null && (i.ipp() || i.insOid().isPresent()))) {
                throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING,
                        "PID-3 (patient identifiers) has no IPP of type PI with its authority and no INS",
                        "PID-3 (identifiants du patient) sans IPP de type PI avec son autorité ni INS");
            }
            Segment txa = segments.first("TXA");
            Segment obx = documentObx(segments.all("OBX"), message);
            Segment pv1 = segments.first("PV1");
            Segment evn = segments.first("EVN");
            String[] ed = ed(obx, message);
            String mime = mime(ed);
            byte[] content = content(ed[4], mime);
            String typeCode = AdtMessageReader.optional(obx, 3, 1);
            String admitted = AdtMessageReader.optional(pv1, 44, 1);
            return new HospitalDocumentMessage(application, facility, controlId, identifiers,
                    pid == null ? List.of() : AdtMessageReader.repetitions(pid, 32), AdtMessageReader.optional(pv1, 19, 1),
                    admitted == null ? null : time(admitted, "PV1-44"),
                    typeCode != null ? typeCode : AdtMessageReader.optional(txa, 2, 1), typeCode != null ? AdtMessageReader.optional(obx, 3, 3) : null,
                    AdtMessageReader.optional(obx, 3, 2), author(txa), facilityName(facility),
                    firstTime(new Object[][] {{txa, 4, "TXA-4"}, {txa, 6, "TXA-6"}, {evn, 2, "EVN-2"}, {msh, 7, "MSH-7"}}),
                    AdtMessageReader.optional(txa, 12, 1), mime, content);
        } catch (HL7Exception e) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, "Unreadable field: " + e.getMessage(),
                    "champ illisible : " + e.getMessage());
        }
    }

    /** The OBX that carries the document: the first of type ED (encapsulated data) with data. */
    private static Segment documentObx(List<Segment> obxs, Message message) throws HL7Exception, DocumentRefusal {
        for (Segment obx : obxs) {
            if ("ED".equalsIgnoreCase(AdtMessageReader.optional(obx, 2, 1))) {
                String[] ed = ed(obx, message);
                if (!ed[4].isBlank()) {
                    return obx;
                }
            }
        }
        throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING,
                "No document: no OBX of type ED with its data in OBX-5 (a reference, RP, is not read)",
                "aucun document : pas d'OBX de type ED portant ses données en OBX-5 (une référence RP n'est pas lue)");
    }

    /** OBX-5 as ED: source application, type of data, subtype, encoding, data (each empty when absent). */
    private static String[] ed(Segment obx, Message message) throws HL7Exception {
        String encoded = obx.getField(5).length == 0 ? "" : obx.getField(5, 0).encode();
        char separator = EncodingCharacters.getInstance(message).getComponentSeparator();
        String[] parts = (encoded == null ? "" : encoded).split(Pattern.quote(String.valueOf(separator)), 5);
        String[] ed = {"", "", "", "", ""};
        System.arraycopy(parts, 0, ed, 0, Math.min(parts.length, ed.length));
        return ed;
    }

    private static String mime(String[] ed) throws DocumentRefusal {
        String type = ed[1].strip();
        String subtype = ed[2].strip();
        if (type.isEmpty() || subtype.isEmpty()) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "OBX-5.2 and OBX-5.3 (the document's MIME type) are required",
                    "OBX-5.2 et OBX-5.3 (type MIME du document) requis");
        }
        if (!"base64".equalsIgnoreCase(ed[3].strip())) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, "OBX-5.4 must be Base64, not " + ed[3],
                    "OBX-5.4 doit valoir Base64, pas « " + ed[3] + " »");
        }
        return (type + "/" + subtype).toLowerCase(Locale.ROOT);
    }

    /** The document's bytes, decoded; a PDF must start as one (a truncated or mislabelled document is refused). */
    private static byte[] content(String base64, String mime) throws DocumentRefusal {
        String data = WHITESPACE.matcher(base64).replaceAll("");
        long estimated = data.length() / 4L * 3L;
        if (estimated > HospitalDocuments.MAX_BYTES) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.APPLICATION_INTERNAL_ERROR,
                    "Document of " + estimated / (1024 * 1024) + " MB is over the limit of " + HospitalDocuments.MAX_BYTES / (1024 * 1024) + " MB",
                    "document de " + estimated / (1024 * 1024) + " Mo, au-delà de la limite de " + HospitalDocuments.MAX_BYTES / (1024 * 1024) + " Mo");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(data);
        } catch (IllegalArgumentException e) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, "OBX-5.5 is not Base64", "OBX-5.5 n'est pas du Base64");
        }
        if (bytes.length == 0) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "OBX-5.5 (the document) is empty", "OBX-5.5 (le document) est vide");
        }
        if ("application/pdf".equals(mime) && !new String(bytes, 0, Math.min(bytes.length, 5), StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, "OBX-5 says application/pdf but the data is not a PDF",
                    "OBX-5 annonce un PDF mais les données n'en sont pas un");
        }
        return bytes;
    }

    /** TXA-9 (originator), else TXA-5 (primary activity provider): "given family" as sent. */
    private static String author(Segment txa) {
        for (int field : new int[] {9, 5}) {
            String family = AdtMessageReader.optional(txa, field, 2);
            if (family != null) {
                String given = AdtMessageReader.optional(txa, field, 3);
                return given == null ? family : given + " " + family;
            }
        }
        return null;
    }

    /** MSH-4's name, else its OID: how the nurse is told where the document comes from. */
    private static String facilityName(String msh4) {
        String name = msh4.contains("^") ? msh4.substring(0, msh4.indexOf('^')) : msh4;
        return name.isBlank() ? msh4 : name;
    }

    private static Instant firstTime(Object[][] fields) throws DocumentRefusal {
        for (Object[] located : fields) {
            String value = AdtMessageReader.optional((Segment) located[0], (Integer) located[1], 1);
            if (value != null) {
                return time(value, (String) located[2]);
            }
        }
        throw new DocumentRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "No document date (TXA-4, TXA-6, EVN-2, MSH-7)",
                "aucune date du document (TXA-4, TXA-6, EVN-2, MSH-7)");
    }

    private static Instant time(String value, String field) throws DocumentRefusal {
        try {
            return AdtMessageReader.instant(value, field);
        } catch (AdtRefusal e) {
            throw new DocumentRefusal(e.code(), e.error(), e.getMessage(), field + " n'est pas une date HL7 lisible : " + value);
        }
    }
}
