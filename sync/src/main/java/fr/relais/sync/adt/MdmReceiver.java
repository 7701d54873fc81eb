package fr.relais.sync.adt;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import fr.relais.core.hospital.HospitalDocumentMessage;
import fr.relais.core.hospital.HospitalDocuments;
import java.util.Set;

/**
 * Answers each MDM^T02 message (a hospital's document, the discharge letter first) the listener receives beside the ADT
 * messages: the document is stored and filed with its patient by the same identity vigilance, in a transaction
 * committed before the ACK (AA) is returned; a repeat (same sender, same MSH-10) is acknowledged AA again and stored
 * once; what Relais refuses is answered AR or AE ({@link DocumentRefusal}) and named in French in the log. One
 * transaction per document: a letter is rare beside the ADT feed, and its bytes make it a transaction of its own.
 */
final class MdmReceiver {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MdmReceiver.class);

    private final HospitalDocuments documents;
    private final Set<String> localIpp;

    MdmReceiver(HospitalDocuments documents, Set<String> localIpp) {
        this.documents = documents;
        this.localIpp = Set.copyOf(localIpp);
    }

    Message process(Message message) throws HL7Exception {
        HospitalDocumentMessage read;
        try {
            read = MdmMessageReader.read(message);
        } catch (RuntimeException e) {
            // a field HAPI could not give as the reader asked: the message is refused, never left unanswered
            LOG.warn("Document de l'hôpital {} refusé, AE (en erreur, code 102) : message illisible ({})", AdtReceiver.controlId(message), e.getMessage());
            return AdtReceiver.ack(message, AcknowledgmentCode.AE, new HL7Exception("Unreadable message", ErrorCode.DATA_TYPE_ERROR));
        } catch (DocumentRefusal refusal) {
            LOG.warn("Document de l'hôpital {} refusé, {} ({}, code {}) : {}", AdtReceiver.controlId(message), refusal.code(),
                    refusal.code() == AcknowledgmentCode.AR ? "rejeté" : "en erreur", refusal.error().getCode(), refusal.french());
            return AdtReceiver.ack(message, refusal.code(), new HL7Exception(refusal.getMessage(), refusal.error()));
        }
        HospitalDocuments.Receipt receipt;
        try {
            receipt = documents.receive(read, localIpp);
        } catch (RuntimeException e) {
            LOG.error("Document de l'hôpital {} de {} non enregistré, AE (en erreur, code 207) : {}", read.controlId(), read.senderFacility(),
                    e.getMessage(), e);
            return AdtReceiver.ack(message, AcknowledgmentCode.AE, new HL7Exception("Could not be stored", ErrorCode.APPLICATION_INTERNAL_ERROR));
        }
        LOG.info("Document de l'hôpital {} de {} ({} octets, {}) : {}{}", read.controlId(), read.senderFacility(), read.content().length,
                read.mimeType(), receipt.state() == fr.relais.core.hospital.HospitalDocument.State.FILED ? "classé dans le dossier du patient"
                        : "en attente dans la file d'identité", receipt.duplicate() ? ", doublon acquitté à nouveau" : "");
        return AdtReceiver.ack(message, AcknowledgmentCode.AA, null);
    }
}
