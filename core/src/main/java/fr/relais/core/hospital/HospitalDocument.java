package fr.relais.core.hospital;

import java.time.Instant;
import java.util.UUID;

/**
 * A document a hospital sent, as the store keeps it (its bytes apart: {@link HospitalDocuments#content(UUID)}): who it
 * concerns ({@code patientId} null while it waits in the identity queue), the stay it belongs to when one matched, what
 * it is (type code and coding system, the sender's title), who wrote it, the facility, its date and MIME type.
 */
public record HospitalDocument(UUID id, String senderApplication, String senderFacility, String controlId, UUID patientId,
                               UUID stayId, State state, StoredHospitalEvent.QueueReason queueReason, String ins,
                               String identityStatus, String ipp, String visitNumber, String typeCode, String typeSystem,
                               String title, String author, String facility, Instant documentAt, String documentNumber,
                               String mimeType, long size, Instant receivedAt) {
    /** What became of a document. */
    public enum State {
        /** Waiting for a person to say who it concerns. */
        QUEUED,
        /** In the patient's file. */
        FILED
    }

    /** The sender's IPP as "value^authority", split; null when the message had none. */
    public PatientIdentifier ippIdentifier() {
        return PatientIdentifier.fromStored(ipp);
    }

    /** A PDF, which the system viewer opens and the report names. */
    public boolean pdf() {
        return "application/pdf".equalsIgnoreCase(mimeType);
    }
}
