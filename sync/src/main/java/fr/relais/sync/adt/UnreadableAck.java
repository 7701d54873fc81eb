package fr.relais.sync.adt;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.preparser.PreParser;
import java.io.IOException;

/**
 * The acknowledgement of a message HAPI could not parse at all. Its header still readable (a control id in MSH-10):
 * AE with ERR-3 102 (data type error), the sender's message is wrong as it is; no readable header: AR with ERR-3 100
 * (segment sequence error), nothing in it could be answered.
 */
final class UnreadableAck {
    private UnreadableAck() {
    }

    /** {@code parser}: the listener's, without HAPI's validation (an ACK to nothing readable has no event to check). */
    static String of(String raw, Exception cause, ca.uhn.hl7v2.parser.Parser parser) throws HL7Exception, IOException {
        String[] header = null;
        try {
            header = PreParser.getFields(raw, "MSH-3", "MSH-4", "MSH-10");
        } catch (HL7Exception | RuntimeException e) {
            header = null; // not even a header: answered with AR below
        }
        boolean readable = header != null && header[2] != null && !header[2].isBlank();
        ACK ack = new ACK();
        ack.setParser(parser);
        ack.initQuickstart("ACK", "", "P");
        ack.getMSH().getSendingApplication().getNamespaceID().setValue(AdtReceiver.APPLICATION);
        if (readable) {
            ack.getMSH().getReceivingApplication().getNamespaceID().setValue(header[0]);
            ack.getMSH().getReceivingFacility().getNamespaceID().setValue(header[1]);
            ack.getMSA().getMessageControlID().setValue(header[2]);
        }
        ack.getMSA().getAcknowledgmentCode().setValue(readable ? "AE" : "AR");
        ack.getERR().getHL7ErrorCode().getIdentifier().setValue(readable ? "102" : "100");
        ack.getERR().getSeverity().setValue("E");
        ack.getERR().getUserMessage().setValue("Unreadable message: " + cause.getMessage());
        return parser.encode(ack);
    }
}
