package fr.relais.sync.adt;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.util.Terser;
import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.PatientIdentifier;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Relais needs from an ADT message parsed by HAPI (as v2.5 structures, the French extension's Z-segments
 * kept as they come) into a {@link HospitalMessage}, or refuses it with the acknowledgement the standard asks for:
 * not ADT, an event Relais does not handle, another version than 2.5: AR; no control id, no sender, no patient
 * identifier (PID-3), a date it cannot read: AE.
 */
final class AdtMessageReader {
    /** HL7 TS/DTM: YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]. */
    private static final Pattern TS = Pattern.compile("(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.\\d{1,4})?([+-]\\d{4})?");
    private static final int MAX_REPETITIONS = 50;

    private AdtMessageReader() {
    }

    static HospitalMessage read(Message message, String raw) throws AdtRefusal {
        try {
            Segments segments = Segments.of(message);
            Segment msh = segments.first("MSH");
            String type = field(msh, 9, 0, 1, 1);
            String trigger = field(msh, 9, 0, 2, 1);
            String version = field(msh, 12, 0, 1, 1);
            String controlId = field(msh, 10, 0, 1, 1);
            if (controlId == null || controlId.isBlank()) {
                throw new AdtRefusal(AcknowledgmentCode.AR, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-10 (message control id) is missing");
            }
            if (!"ADT".equals(type)) {
                throw new AdtRefusal(AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_MESSAGE_TYPE, "Message type " + type + " is not supported");
            }
            if (version == null || !version.startsWith("2.5")) {
                throw new AdtRefusal(AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_VERSION_ID, "Version " + version + " is not supported (2.5 expected)");
            }
            HospitalEventType event = HospitalEventType.of(trigger).orElseThrow(() -> new AdtRefusal(AcknowledgmentCode.AR,
                    ErrorCode.UNSUPPORTED_EVENT_CODE, "Event " + trigger + " is not supported"));
            String application = field(msh, 3, 0, 1, 1);
            String facility = hd(msh, 4);
            if (application == null || facility == null) {
                throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-3 or MSH-4 (sender) is missing");
            }
            Segment pid = segments.first("PID");
            List<PatientIdentifier> identifiers = identifiers(pid);
            if (identifiers.stream().noneMatch(i -> i.value() != null && (i.ipp() || i.insOid().isPresent()))) {
                throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING,
                        "PID-3 (patient identifiers) has no IPP of type PI with its authority and no INS");
            }
            Segment zbe = segments.first("ZBE");
            Segment evn = segments.first("EVN");
            Segment pv1 = segments.first("PV1");
            Instant at = firstTime(new Located(zbe, 2, "ZBE-2"), new Located(evn, 6, "EVN-6"), new Located(evn, 2, "EVN-2"),
                    new Located(msh, 7, "MSH-7"));
            String expected = optional(segments.first("PV2"), 9, 1);
            return new HospitalMessage(application, facility, controlId, event, optional(zbe, 1, 1),
                    optional(zbe, 4, 1), at, optional(pv1, 2, 1), location(pv1),
                    expected == null ? null : instant(expected, "PV2-9").atZone(CareZone.PARIS).toLocalDate(),
                    diagnoses(segments.all("DG1")), identifiers, pid == null ? List.of() : repetitions(pid, 32), raw);
        } catch (HL7Exception e) {
            throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, "Unreadable field: " + e.getMessage());
        }
    }

    /** MSH-4 as sent, {@code NAME^OID^ISO} (its namespace alone when it has no OID). */
    static String hd(Segment segment, int number) throws HL7Exception {
        String name = field(segment, number, 0, 1, 1);
        String oid = field(segment, number, 0, 2, 1);
        if (name == null && oid == null) {
            return null;
        }
        String kind = field(segment, number, 0, 3, 1);
        return oid == null ? name : (name == null ? "" : name) + "^" + oid + "^" + (kind == null ? "ISO" : kind);
    }

    /** A component of a field, as HAPI's {@link Terser} path {@code SEG-field(rep)-component-sub} reads it. */
    static String field(Segment segment, int number, int repetition, int component, int subcomponent) throws HL7Exception {
        return Terser.get(segment, number, repetition, component, subcomponent);
    }

    /**
     * A field of a segment the message may not carry (ZBE, the French extension's, is absent from other senders'
     * messages; PV2 is optional): null then, as for an empty field.
     */
    static String optional(Segment segment, int number, int component) {
        if (segment == null) {
            return null;
        }
        try {
            return blankToNull(field(segment, number, 0, component, 1));
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    static List<PatientIdentifier> identifiers(Segment pid) throws HL7Exception {
        List<PatientIdentifier> ids = new ArrayList<>();
        if (pid == null) {
            return ids;
        }
        int count = Math.min(pid.getField(3).length, MAX_REPETITIONS);
        for (int i = 0; i < count; i++) {
            ids.add(new PatientIdentifier(field(pid, 3, i, 1, 1), field(pid, 3, i, 4, 2), field(pid, 3, i, 5, 1)));
        }
        return ids;
    }

    static List<String> repetitions(Segment segment, int field) throws HL7Exception {
        List<String> values = new ArrayList<>();
        Type[] reps = segment.getField(field);
        for (int i = 0; i < Math.min(reps.length, MAX_REPETITIONS); i++) {
            String value = reps[i].encode();
            if (value != null && !value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }

    /** DG1-3-1 of each diagnosis segment, in order, up to the first without a code. */
    private static List<String> diagnoses(List<Segment> segments) {
        List<String> codes = new ArrayList<>();
        for (Segment dg1 : segments.subList(0, Math.min(segments.size(), MAX_REPETITIONS))) {
            String code;
            try {
                code = field(dg1, 3, 0, 1, 1);
            } catch (HL7Exception | RuntimeException e) {
                break; // an unreadable code ends the list, as an absent one does
            }
            if (code == null) {
                break;
            }
            codes.add(code.strip());
        }
        return codes;
    }

    private static String location(Segment pv1) {
        List<String> parts = new ArrayList<>();
        for (int component = 1; component <= 3; component++) {
            String part = optional(pv1, 3, component);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" / ", parts);
    }

    /** A time stamp field, named as the refusal names it. */
    private record Located(Segment segment, int number, String name) {
    }

    private static Instant firstTime(Located... fields) throws AdtRefusal {
        for (Located located : fields) {
            String value = optional(located.segment(), located.number(), 1);
            if (value != null) {
                return instant(value, located.name());
            }
        }
        throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "No event time (ZBE-2, EVN-6, EVN-2, MSH-7)");
    }

    /** An HL7 time stamp; without an offset it is Paris time, as French senders write it. */
    static Instant instant(String value, String field) throws AdtRefusal {
        Matcher m = TS.matcher(value.strip());
        if (!m.matches()) {
            throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, field + " is not an HL7 time stamp: " + value);
        }
        try {
            LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), part(m.group(2), 1), part(m.group(3), 1),
                    part(m.group(4), 0), part(m.group(5), 0), part(m.group(6), 0));
            return m.group(7) == null ? local.atZone(CareZone.PARIS).toInstant()
                    : local.toInstant(ZoneOffset.of(m.group(7).substring(0, 3) + ":" + m.group(7).substring(3)));
        } catch (java.time.DateTimeException e) {
            throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, field + " is not a valid date: " + value);
        }
    }

    private static int part(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
