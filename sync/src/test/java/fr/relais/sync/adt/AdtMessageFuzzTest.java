package fr.relais.sync.adt;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import fr.relais.core.hospital.HospitalMessage;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated ADT messages through the listener's parsing and reading, without the network: each is either
 * read into a message with a sender, a control id and a usable patient identifier, or refused with AE or AR — never an
 * exception that would leave the sender without an acknowledgement. The seed is fixed: a failure replays.
 */
class AdtMessageFuzzTest {
    private static final char[] ALPHABET = "|^~\\&\r0123456789AZaz .-".toCharArray();

    @Test
    void thousandsOfMutatedMessagesAreEachReadOrRefusedAsTheStandardSays() throws Exception {
        String valid = AdtListenerTest.adt("A03", "MSG-FUZZ", "H-1", "295109912611193", "QUAL", "202703161430",
                "\rDG1|1||I50.9^Insuffisance cardiaque^I10||20270316|F");
        Random random = new Random(28);
        EnumSet<AcknowledgmentCode> refusals = EnumSet.noneOf(AcknowledgmentCode.class);
        int read = 0;
        try (HapiContext context = AdtListener.configured(new DefaultHapiContext())) {
            for (int i = 0; i < 3_000; i++) {
                String mutated = mutate(valid, random);
                Message message;
                try {
                    message = context.getPipeParser().parse(mutated);
                } catch (HL7Exception unparsable) {
                    String ack = UnreadableAck.of(mutated, unparsable, context.getPipeParser());
                    String code = new Terser(context.getPipeParser().parse(ack)).get("/MSA-1");
                    assertThat(code).as(mutated).isIn("AE", "AR");
                    refusals.add(AcknowledgmentCode.valueOf(code));
                    continue;
                }
                try {
                    HospitalMessage m = AdtMessageReader.read(message, mutated);
                    assertThat(m.controlId()).as(mutated).isNotBlank();
                    assertThat(m.ipp().isPresent() || m.ins().isPresent()).as(mutated).isTrue();
                    read++;
                } catch (AdtRefusal refusal) {
                    assertThat(refusal.code()).as(mutated).isIn(AcknowledgmentCode.AE, AcknowledgmentCode.AR);
                    refusals.add(refusal.code());
                }
            }
        }
        // The mutations are mild enough that many messages still read, and strong enough to exercise both refusals.
        assertThat(read).isGreaterThan(100);
        assertThat(refusals).contains(AcknowledgmentCode.AE, AcknowledgmentCode.AR);
    }

    /** One to four edits: a character replaced, deleted or inserted, or a run of the message duplicated. */
    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 1; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.setCharAt(at, ALPHABET[random.nextInt(ALPHABET.length)]);
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, ALPHABET[random.nextInt(ALPHABET.length)]);
                default -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(12));
                    s.insert(at, s.substring(at, end));
                }
            }
        }
        return s.toString();
    }
}
