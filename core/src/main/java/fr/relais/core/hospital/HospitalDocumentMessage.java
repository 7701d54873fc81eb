package fr.relais.core.hospital;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Relais reads from a document a hospital sends (an HL7 MDM^T02 over MLLP; docs/hospital-events.md, "The
 * discharge letter"): the sender (MSH-3, MSH-4) and its control id (MSH-10), the patient's identifiers (PID-3) and the
 * sender's identity status (PID-32), the visit number (PV1-19) and admission time (PV1-44) that name the stay, the
 * document's type (OBX-3: code, title, coding system), its author (TXA-9), the facility's name, its date (TXA-4...),
 * the sender's document number (TXA-12), its MIME type (OBX-5.2/5.3) and its bytes, decoded from OBX-5.5 but otherwise
 * as the hospital made them. {@code raw}: the message's segments as received without the document's data, for audit.
 */
public record HospitalDocumentMessage(String senderApplication, String senderFacility, String controlId,
                                      List<PatientIdentifier> identifiers, List<String> identityStatus, String visitNumber,
                                      Instant admittedAt, String typeCode, String typeSystem, String title, String author,
                                      String facility, Instant documentAt, String documentNumber, String mimeType, byte[] content) {
    public HospitalDocumentMessage {
        Objects.requireNonNull(senderApplication);
        Objects.requireNonNull(senderFacility);
        Objects.requireNonNull(controlId);
        Objects.requireNonNull(facility);
        Objects.requireNonNull(documentAt);
        Objects.requireNonNull(mimeType);
        Objects.requireNonNull(content);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        identityStatus = identityStatus == null ? List.of() : List.copyOf(identityStatus);
    }

    /** The sender's IPP, the first identifier of type PI. */
    public Optional<PatientIdentifier> ipp() {
        return identifiers.stream().filter(PatientIdentifier::ipp).findFirst();
    }

    /** The INS the message carries, whatever its OID. */
    public Optional<PatientIdentifier> ins() {
        return identifiers.stream().filter(i -> i.value() != null && i.insOid().isPresent()).findFirst();
    }
}
