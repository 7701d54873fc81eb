package fr.relais.core.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A hospital event as the store keeps it: what the message said, who it was found to concern ({@code patientId} null
 * while it waits in the identity queue), what became of it and the message itself, for audit.
 */
public record StoredHospitalEvent(UUID id, String senderApplication, String senderFacility, String controlId,
                                  HospitalEventType type, String movementId, String movementAction, Instant eventAt,
                                  String patientClass, String location, LocalDate expectedDischarge, List<String> diagnoses,
                                  String identityStatus, String ins, String ipp, UUID patientId, State state,
                                  QueueReason queueReason, String raw, Instant receivedAt) {
    /** What became of an event. */
    public enum State {
        /** Waiting for a person to say who it concerns: nothing applied. */
        QUEUED,
        /** Its effects are applied (and listed in hospital_effect). */
        APPLIED,
        /** Kept in the patient's history, with no effect on the pathways. */
        RECORDED,
        /** Cancelled by a later event (A11, A12, A13, A38, A52, A53): its effects, if any, were undone. */
        UNDONE,
        /** Stored, but applying it failed: kept for a person to look at. */
        FAILED
    }

    /** Why an event waits in the identity queue. */
    public enum QueueReason {
        /** No patient of this store carries its INS (qualified) or its IPP. */
        UNMATCHED,
        /** Its identifiers point at more than one patient. */
        AMBIGUOUS
    }

    /** The sender's IPP as "value^authority", split; null when the message had none. */
    public PatientIdentifier ippIdentifier() {
        return PatientIdentifier.fromStored(ipp);
    }

    /** The facility's name from MSH-4 ({@code NAME^OID^ISO}), or the whole field when it has no name. */
    public String facilityName() {
        String name = senderFacility.contains("^") ? senderFacility.substring(0, senderFacility.indexOf('^')) : senderFacility;
        return name.isBlank() ? senderFacility : name;
    }
}
