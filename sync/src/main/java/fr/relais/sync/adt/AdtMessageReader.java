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
            Terser t = new Terser(message);
            String type = t.get("/MSH-9-1");
            String trigger = t.get("/MSH-9-2");
            String version = t.get("/MSH-12-1");
            String controlId = t.get("/MSH-10");
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
            String application = t.get("/MSH-3-1");
            String facility = hd(t, "/MSH-4");
            if (application == null || facility == null) {
                throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "MSH-3 or MSH-4 (sender) is missing");
            }
            List<PatientIdentifier> identifiers = identifiers(t);
            if (identifiers.stream().noneMatch(i -> i.value() != null && (i.ipp() || i.insOid().isPresent()))) {
                throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING,
                        "PID-3 (patient identifiers) has no IPP of type PI with its authority and no INS");
            }
            Instant at = firstTime(t, "/.ZBE-2", "/.EVN-6", "/.EVN-2", "/MSH-7");
            String expected = optional(t, "/.PV2-9");
            return new HospitalMessage(application, facility, controlId, event, optional(t, "/.ZBE-1"),
                    optional(t, "/.ZBE-4"), at, optional(t, "/.PV1-2"), location(t),
                    expected == null ? null : instant(expected, "PV2-9").atZone(CareZone.PARIS).toLocalDate(), diagnoses(t),
                    identifiers, repetitions(t.getSegment("/.PID"), 32), raw);
        } catch (HL7Exception e) {
            throw new AdtRefusal(AcknowledgmentCode.AE, ErrorCode.DATA_TYPE_ERROR, "Unreadable field: " + e.getMessage());
        }
    }

    /** MSH-4 as sent, {@code NAME^OID^ISO} (its namespace alone when it has no OID). */
    private static String hd(Terser t, String path) throws HL7Exception {
        String name = t.get(path + "-1");
        String oid = t.get(path + "-2");
        if (name == null && oid == null) {
            return null;
        }
        return oid == null ? name : (name == null ? "" : name) + "^" + oid + "^" + (t.get(path + "-3") == null ? "ISO" : t.get(path + "-3"));
    }

    /**
     * A field of a segment the message may not carry (ZBE, the French extension's, is absent from other senders'
     * messages; PV2 is optional): null then, as for an empty field.
     */
    private static String optional(Terser t, String path) {
        try {
            return blankToNull(t.get(path));
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    private static List<PatientIdentifier> identifiers(Terser t) throws HL7Exception {
        Segment pid = t.getSegment("/.PID");
        List<PatientIdentifier> ids = new ArrayList<>();
        int count = Math.min(pid.getField(3).length, MAX_REPETITIONS);
        for (int i = 0; i < count; i++) {
            String prefix = "/.PID-3(" + i + ")";
            ids.add(new PatientIdentifier(t.get(prefix + "-1"), t.get(prefix + "-4-2"), t.get(prefix + "-5")));
        }
        return ids;
    }

    private static List<String> repetitions(Segment segment, int field) throws HL7Exception {
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

    private static List<String> diagnoses(Terser t) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < MAX_REPETITIONS; i++) {
            try {
                String code = t.get("/.DG1(" + i + ")-3-1");
                if (code == null) {
                    break;
                }
                codes.add(code.strip());
            } catch (HL7Exception | RuntimeException e) {
                break; // no such repetition: the message has no more diagnoses
            }
        }
        return codes;
    }

    private static String location(Terser t) {
        List<String> parts = new ArrayList<>();
        for (int component = 1; component <= 3; component++) {
            String part = optional(t, "/.PV1-3-" + component);
            if (part != null) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? null : String.join(" / ", parts);
    }

    private static Instant firstTime(Terser t, String... paths) throws AdtRefusal {
        for (String path : paths) {
            String value = optional(t, path);
            if (value != null) {
                return instant(value, path.replace("/.", "").replace("/", ""));
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
