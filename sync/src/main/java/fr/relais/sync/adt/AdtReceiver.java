package fr.relais.sync.adt;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.protocol.MetadataKeys;
import ca.uhn.hl7v2.protocol.ReceivingApplication;
import ca.uhn.hl7v2.protocol.ReceivingApplicationExceptionHandler;
import fr.relais.core.hospital.HospitalEvents;
import fr.relais.core.hospital.HospitalMessage;
import fr.relais.core.hospital.StoredHospitalEvent;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Answers each ADT message the listener receives. A message Relais reads is stored, its patient decided and its
 * effects applied in a transaction (shared with the messages other connections sent meanwhile: {@link AdtGroupCommit}),
 * committed before this returns the ACK (AA): HAPI writes the ACK only then, so a
 * sender never hears AA for a message the store does not hold. A repeat of a stored message (same sender, same MSH-10)
 * is acknowledged AA again and applied once. What Relais refuses is answered AR or AE ({@link AdtRefusal}) and named in
 * the log; what HAPI cannot parse at all, by {@link UnreadableAck}.
 */
final class AdtReceiver implements ReceivingApplication<Message>, ReceivingApplicationExceptionHandler {
    /** How Relais names itself in the ACK's MSH-3. */
    static final String APPLICATION = "RELAIS";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdtReceiver.class);

    private final AdtGroupCommit store;
    private final MdmReceiver documents;
    private final ca.uhn.hl7v2.parser.Parser parser;

    /** {@code documents}: who answers MDM messages (a hospital's documents), null when this listener takes none. */
    AdtReceiver(HospitalEvents events, MdmReceiver documents, Set<String> localIpp, ca.uhn.hl7v2.parser.Parser parser) {
        this.store = new AdtGroupCommit(events, localIpp);
        this.documents = documents;
        this.parser = parser;
    }

    /** The group commit's serial part so far (the benchmark's figure). */
    AdtListener.SerialWork serial() {
        return store.serial();
    }

    void measureWaitsForACore() {
        store.measureWaitsForACore();
    }

    @Override
    public Message processMessage(Message message, Map<String, Object> metadata) throws HL7Exception {
        if (documents != null && isDocument(message)) {
            return documents.process(message);
        }
        Object raw = metadata.get(MetadataKeys.IN_RAW_MESSAGE);
        String text = raw instanceof String s ? s : message.encode();
        try {
            HospitalMessage read = AdtMessageReader.read(message, text);
            HospitalEvents.Receipt receipt = store.receive(read);
            if (receipt.state() == StoredHospitalEvent.State.FAILED) {
                LOG.error("Hospital message {} from {} ({}) stored but not applied: AE", read.controlId(), read.senderFacility(), read.type());
                return ack(message, AcknowledgmentCode.AE, new HL7Exception("Stored, could not be applied", ErrorCode.APPLICATION_INTERNAL_ERROR));
            }
            if (receipt.duplicate()) { // named in the log, as a refusal is: the sender sent a control id again
                LOG.info("Hospital message {} from {} ({}): {}, duplicate acknowledged again", read.controlId(), read.senderFacility(),
                        read.type(), receipt.state());
            } else if (LOG.isDebugEnabled()) { // each stored message, at debug: a listener's log at info holds what stands out
                LOG.debug("Hospital message {} from {} ({}): {}", read.controlId(), read.senderFacility(), read.type(), receipt.state());
            }
            return ack(message, AcknowledgmentCode.AA, null);
        } catch (AdtRefusal refusal) {
            LOG.warn("Hospital message {} refused ({} {}): {}", controlId(message), refusal.code(), refusal.error().getCode(),
                    refusal.getMessage());
            return ack(message, refusal.code(), new HL7Exception(refusal.getMessage(), refusal.error()));
        }
    }

    /** An MDM message (MSH-9-1): a hospital's document, answered by {@link MdmReceiver}. */
    private static boolean isDocument(Message message) {
        try {
            return "MDM".equals(ca.uhn.hl7v2.util.Terser.get((ca.uhn.hl7v2.model.Segment) message.get("MSH"), 9, 0, 1, 1));
        } catch (HL7Exception e) {
            return false;
        }
    }

    /**
     * The ACK to {@code message}, naming Relais in MSH-3: HAPI's {@code generateACK} when it carries an error (its ERR
     * segment is HAPI's to fill), else {@link #accepted}. Both write the same fields (AdtAcknowledgementTest).
     */
    static Message ack(Message message, AcknowledgmentCode code, HL7Exception error) throws HL7Exception {
        try {
            if (error == null) {
                return accepted(message, code);
            }
            Message ack = message.generateACK(code, error);
            ca.uhn.hl7v2.util.Terser.set((ca.uhn.hl7v2.model.Segment) ack.get("MSH"), 3, 0, 1, 1, APPLICATION);
            return ack;
        } catch (IOException e) {
            throw new HL7Exception("Cannot build the acknowledgement", e);
        }
    }

    /**
     * An ACK without an error, field for field what HAPI's {@code generateACK} writes (AbstractMessage's
     * fillResponseHeader in HAPI 2.6): the sender and receiver swapped, the message's event, processing id and version,
     * a new control id, the time. Built here because every accepted message is answered by one: HAPI's looks its ACK
     * class up and instantiates it by reflection and formats its time through {@code String.format}: about a sixth of
     * the listener threads' samples in a profile, all of it outside the lock (docs/benchmarks.md, "Fourteenth pass").
     */
    private static Message accepted(Message message, AcknowledgmentCode code) throws HL7Exception, IOException {
        ca.uhn.hl7v2.model.Segment in = (ca.uhn.hl7v2.model.Segment) message.get("MSH");
        ca.uhn.hl7v2.model.v25.message.ACK ack = new ca.uhn.hl7v2.model.v25.message.ACK(message.getParser().getFactory());
        ack.setParser(message.getParser());
        ca.uhn.hl7v2.model.v25.segment.MSH msh = ack.getMSH();
        msh.getFieldSeparator().setValue(ca.uhn.hl7v2.util.Terser.get(in, 1, 0, 1, 1));
        msh.getEncodingCharacters().setValue(ca.uhn.hl7v2.util.Terser.get(in, 2, 0, 1, 1));
        msh.getSendingApplication().getNamespaceID().setValue(APPLICATION);
        msh.getSendingFacility().getNamespaceID().setValue(ca.uhn.hl7v2.util.Terser.get(in, 6, 0, 1, 1));
        msh.getReceivingApplication().getNamespaceID().setValue(ca.uhn.hl7v2.util.Terser.get(in, 3, 0, 1, 1));
        msh.getReceivingFacility().getNamespaceID().setValue(ca.uhn.hl7v2.util.Terser.get(in, 4, 0, 1, 1));
        msh.getDateTimeOfMessage().getTime().setValue(ACK_TIME.format(java.time.ZonedDateTime.now()));
        msh.getMessageType().getMessageCode().setValue("ACK");
        msh.getMessageType().getTriggerEvent().setValue(ca.uhn.hl7v2.util.Terser.get(in, 9, 0, 2, 1));
        msh.getMessageType().getMessageStructure().setValue("ACK"); // HAPI writes it from v2.5 on; this ACK is v2.5
        msh.getMessageControlID().setValue(message.getParser().getParserConfiguration().getIdGenerator().getID());
        msh.getProcessingID().getProcessingID().setValue(ca.uhn.hl7v2.util.Terser.get(in, 11, 0, 1, 1));
        String version = ca.uhn.hl7v2.util.Terser.get(in, 12, 0, 1, 1);
        msh.getVersionID().getVersionID().setValue(version == null || version.isBlank()
                ? ca.uhn.hl7v2.Version.highestAvailableVersionOrDefault().getVersion() : version);
        ack.getMSA().getAcknowledgmentCode().setValue(code.name());
        ack.getMSA().getMessageControlID().setValue(ca.uhn.hl7v2.util.Terser.get(in, 10, 0, 1, 1));
        return ack;
    }

    /** The ACK's time (MSH-7) as HAPI writes it: to the millisecond, with the offset of the machine's zone. */
    private static final java.time.format.DateTimeFormatter ACK_TIME = java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss.SSSxx");

    static String controlId(Message message) {
        try {
            return new ca.uhn.hl7v2.util.Terser(message).get("/MSH-10");
        } catch (HL7Exception e) {
            return "(no control id)";
        }
    }

    @Override
    public boolean canProcess(Message message) {
        return true; // every message gets an answer from here: refusals too are the listener's to word
    }

    /** A message HAPI could not parse: refused, and named in the log by what of it can be read. */
    @Override
    public String processException(String incoming, Map<String, Object> metadata, String outgoing, Exception e) {
        String start = incoming == null ? "" : incoming.substring(0, Math.min(incoming.length(), 80)).replace('\r', ' ');
        LOG.warn("Unreadable hospital message refused: {} ({})", e.getMessage(), start);
        try {
            return UnreadableAck.of(incoming == null ? "" : incoming, e, parser);
        } catch (HL7Exception | IOException failure) {
            LOG.error("Cannot acknowledge an unreadable hospital message", failure);
            return outgoing;
        }
    }
}
