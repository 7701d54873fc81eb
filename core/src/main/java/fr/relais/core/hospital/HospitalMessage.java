package fr.relais.core.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What Relais reads from one ADT message, whatever parsed it (the MLLP listener reads HL7 v2.5 with HAPI): the sender
 * (MSH-3, MSH-4) and its control id (MSH-10), the event, the movement of the French extension (ZBE-1, ZBE-4), when it
 * happened, the visit (PV1-2, PV1-3, PV2-9), the discharge diagnoses (DG1-3), the patient's identifiers (PID-3) and the
 * sender's identity status (PID-32). {@code raw} is the message as received, kept for audit.
 */
public record HospitalMessage(String senderApplication, String senderFacility, String controlId, HospitalEventType type,
                              String movementId, String movementAction, Instant eventAt, String patientClass, String location,
                              LocalDate expectedDischarge, List<String> diagnoses, List<PatientIdentifier> identifiers,
                              List<String> identityStatus, String raw) {
    public HospitalMessage {
        Objects.requireNonNull(senderApplication);
        Objects.requireNonNull(senderFacility);
        Objects.requireNonNull(controlId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(eventAt);
        Objects.requireNonNull(raw);
        diagnoses = diagnoses == null ? List.of() : List.copyOf(diagnoses);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        identityStatus = identityStatus == null ? List.of() : List.copyOf(identityStatus);
    }

    /** The sender's IPP, the first identifier of type PI. */
    public java.util.Optional<PatientIdentifier> ipp() {
        return identifiers.stream().filter(PatientIdentifier::ipp).findFirst();
    }

    /** The INS the message carries, whatever its OID. */
    public java.util.Optional<PatientIdentifier> ins() {
        return identifiers.stream().filter(i -> i.value() != null && i.insOid().isPresent()).findFirst();
    }
}
