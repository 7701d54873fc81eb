package fr.relais.sync.fhir;

import fr.relais.core.hospital.HospitalEventType;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.PatientIdentifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Resource;

/**
 * A hospital's FHIR Encounter, read from the team server, as the hospital events an ADT feed would have sent for the
 * same stay (docs/hospital-events.md, "Encounters through the team server"). An Encounter is one movement: what a new
 * version means depends on the version Relais read before ({@code previous}, the sync link's copy):
 * <ul>
 *   <li>opened (arrived, triaged, in-progress, on leave): an admission, A01 for an inpatient (class IMP), A04 for an
 *   emergency or outpatient visit; reopened after its discharge: A13;</li>
 *   <li>finished: A03, preceded by its admission when Relais never read the Encounter open;</li>
 *   <li>cancelled or entered in error: A11, preceded by A13 when Relais had read it finished;</li>
 *   <li>planned: A05.</li>
 * </ul>
 * Each event's control id is the version it was read from ({@code Encounter/id/_history/v}) and its type, so a version
 * read twice is stored once. Diagnoses are read from the Conditions the Encounter contains (their ICD-10 codes).
 */
public final class EncounterMapper {
    /** The sending application of every event read from an Encounter (MSH-3 of an ADT message). */
    public static final String APPLICATION = "FHIR-Encounter";
    /**
     * The namespace of a server Patient's id, when an Encounter's patient waits in the identity queue: a person's link
     * from the queue is then remembered for the next Encounters of that server Patient.
     */
    public static final String SERVER_PATIENT = "urn:relais:serveur-equipe:Patient";

    private EncounterMapper() {
    }

    /** The phases of a stay an Encounter's status says. */
    enum Phase { NONE, PLANNED, OPEN, FINISHED, VOID }

    /**
     * The events that {@code encounter} means after {@code previous} (null: never read), oldest first; empty when the
     * new version changes nothing Relais follows (a location or a disposition corrected, say).
     */
    public static List<HospitalMessage> events(Encounter encounter, Encounter previous, String origin) {
        Phase now = phase(encounter);
        Phase before = previous == null ? Phase.NONE : phase(previous);
        HospitalEventType admission = "IMP".equals(classCode(encounter)) ? HospitalEventType.A01 : HospitalEventType.A04;
        List<HospitalEventType> types = switch (now) {
            case OPEN -> before == Phase.FINISHED ? List.of(HospitalEventType.A13) : before == Phase.OPEN ? List.of() : List.of(admission);
            case FINISHED -> before == Phase.FINISHED ? List.of() : before == Phase.OPEN ? List.of(HospitalEventType.A03)
                    : List.of(admission, HospitalEventType.A03);
            case VOID -> before == Phase.FINISHED ? List.of(HospitalEventType.A13, HospitalEventType.A11)
                    : before == Phase.OPEN ? List.of(HospitalEventType.A11) : List.of();
            case PLANNED -> before == Phase.NONE ? List.of(HospitalEventType.A05) : List.of();
            case NONE -> List.of();
        };
        List<HospitalMessage> messages = new ArrayList<>();
        for (HospitalEventType type : types) {
            messages.add(message(encounter, type, origin));
        }
        return messages;
    }

    /** The server id of the Encounter's patient, or null when its subject is no Patient of the server. */
    public static String patientOf(Encounter encounter) {
        var subject = encounter.getSubject().getReferenceElement();
        return "Patient".equals(subject.getResourceType()) && subject.hasIdPart() ? subject.getIdPart() : null;
    }

    static Phase phase(Encounter encounter) {
        if (!encounter.hasStatus()) {
            return Phase.NONE;
        }
        return switch (encounter.getStatus()) {
            case PLANNED -> Phase.PLANNED;
            case ARRIVED, TRIAGED, INPROGRESS, ONLEAVE -> Phase.OPEN;
            case FINISHED -> Phase.FINISHED;
            case CANCELLED, ENTEREDINERROR -> Phase.VOID;
            default -> Phase.NONE;
        };
    }

    private static HospitalMessage message(Encounter e, HospitalEventType type, String origin) {
        String patient = patientOf(e);
        if (patient == null) {
            throw new IllegalArgumentException(origin + ": the Encounter names no Patient of the server");
        }
        String movement = "Encounter/" + e.getIdElement().getIdPart();
        String action = type.cancels().isPresent() ? "CANCEL" : "INSERT";
        String json = RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(e);
        return new HospitalMessage(APPLICATION, facility(e), origin + "#" + type.name(), type, movement, action, when(e, type, origin),
                patientClass(e), location(e), null, diagnoses(e), List.of(new PatientIdentifier(patient, SERVER_PATIENT, "PI")),
                List.of(), json);
    }

    /** When the event happened: the stay's start for an admission, its end for a discharge, else the version's date. */
    private static Instant when(Encounter e, HospitalEventType type, String origin) {
        Instant updated = e.getMeta().hasLastUpdated() ? e.getMeta().getLastUpdated().toInstant() : null;
        Instant at = switch (type) {
            case A01, A04, A05 -> e.getPeriod().hasStart() ? e.getPeriod().getStart().toInstant() : updated;
            case A03 -> e.getPeriod().hasEnd() ? e.getPeriod().getEnd().toInstant() : updated;
            default -> updated;
        };
        if (at == null) {
            throw new IllegalArgumentException(origin + ": the Encounter says neither when the stay started or ended nor when it was written");
        }
        return at;
    }

    /**
     * The facility as MSH-4 would name it ({@code NAME^OID^ISO}): the service provider's name and identifier (an
     * {@code urn:oid:} read as the OID), else where the Encounter came from ({@code meta.source}).
     */
    private static String facility(Encounter e) {
        var provider = e.getServiceProvider();
        String id = provider.hasIdentifier() && provider.getIdentifier().hasValue() ? provider.getIdentifier().getValue() : null;
        String oid = id != null && id.startsWith("urn:oid:") ? id.substring("urn:oid:".length()) : id;
        if (provider.hasDisplay() || oid != null) {
            return (provider.hasDisplay() ? provider.getDisplay() : "") + (oid == null ? "" : "^" + oid + "^ISO");
        }
        return e.getMeta().hasSource() ? e.getMeta().getSource() : "";
    }

    /** PV1-2's letter for the Encounter's class (v3 ActCode): inpatient I, emergency E, ambulatory O. */
    private static String patientClass(Encounter e) {
        String code = classCode(e);
        return code == null ? null : switch (code) {
            case "IMP", "ACUTE", "NONAC" -> "I";
            case "EMER" -> "E";
            case "AMB", "SS" -> "O";
            default -> code;
        };
    }

    private static String classCode(Encounter e) {
        return e.hasClass_() && e.getClass_().hasCode() ? e.getClass_().getCode().toUpperCase(Locale.ROOT) : null;
    }

    /** Where the patient is: the active location (else the last one named), by its name. */
    private static String location(Encounter e) {
        String found = null;
        for (Encounter.EncounterLocationComponent l : e.getLocation()) {
            if (l.getLocation().hasDisplay()) {
                if (l.getStatus() == Encounter.EncounterLocationStatus.ACTIVE) {
                    return l.getLocation().getDisplay();
                }
                found = l.getLocation().getDisplay();
            }
        }
        return found;
    }

    /** The ICD-10 codes of the diagnoses the Encounter carries in contained Conditions. */
    private static List<String> diagnoses(Encounter e) {
        List<String> codes = new ArrayList<>();
        for (Encounter.DiagnosisComponent d : e.getDiagnosis()) {
            Resource condition = d.getCondition().getResource() instanceof Resource r ? r : contained(e, d.getCondition().getReference());
            if (condition instanceof Condition c) {
                icd10(c.getCode()).forEach(codes::add);
            }
        }
        return codes;
    }

    private static Resource contained(Encounter e, String reference) {
        if (reference == null || !reference.startsWith("#")) {
            return null;
        }
        return e.getContained().stream().filter(r -> reference.substring(1).equals(r.getIdElement().getIdPart())).findFirst().orElse(null);
    }

    private static List<String> icd10(CodeableConcept code) {
        return code.getCoding().stream().filter(c -> c.hasCode() && c.hasSystem() && isIcd10(c)).map(Coding::getCode).toList();
    }

    /** ICD-10 (the WHO's system) or its French edition (CIM-10, the Nomenclatures des objets de santé's). */
    private static boolean isIcd10(Coding c) {
        String system = c.getSystem().toLowerCase(Locale.ROOT);
        return system.contains("icd-10") || system.contains("cim-10") || system.contains("cim10");
    }
}
