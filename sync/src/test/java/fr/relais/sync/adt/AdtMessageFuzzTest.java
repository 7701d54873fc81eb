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
 * Thousands of mutated ADT messages, and MDM^T02 discharge letters, through the listener's parsing and reading, without the network: each is either
 * read into a message with a sender, a control id and a usable patient identifier, or refused with AE or AR — never an
 * exception that would leave the sender without an acknowledgement. The seed is fixed: a failure replays.
 */
class AdtMessageFuzzTest {
    private static final char[] ALPHABET = "|^~\\&\r0123456789AZaz .-".toCharArray();

    @Test
    void thousandsOfMutatedMessagesAreEachReadOrRefusedAsTheStandardSays() throws Exception {
        String valid = AdtListenerTest.adt("A03", "MSG-FUZZ", "H-1", "295109912611193", "QUAL", "202703161430",
                "\rDG1|1||I50.9^Insuffisance cardiaque^I10||20270316|F");
        fuzz(valid, 28, (message, mutated) -> {
            try {
                HospitalMessage m = AdtMessageReader.read(message, mutated);
                assertThat(m.controlId()).as(mutated).isNotBlank();
                assertThat(m.ipp().isPresent() || m.ins().isPresent()).as(mutated).isTrue();
                return null;
            } catch (AdtRefusal refusal) {
                return refusal.code();
            }
        });
    }

    @Test
    void thousandsOfMutatedDischargeLettersAreEachReadOrRefusedAsTheStandardSays() throws Exception {
        // A small letter, so that mutations fall on the segments as often as on the document's Base64.
        String valid = HospitalLetterListenerTest.mdm("MSG-FUZZ-MDM", "H-1", "202703190900", HospitalLetterListenerTest.pdfField(
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        fuzz(valid, 2802, (message, mutated) -> {
            try {
                fr.relais.core.hospital.HospitalDocumentMessage m = MdmMessageReader.read(message);
                assertThat(m.controlId()).as(mutated).isNotBlank();
                assertThat(m.ipp().isPresent() || m.ins().isPresent()).as(mutated).isTrue();
                assertThat(m.content()).as(mutated).isNotEmpty();
                return null;
            } catch (DocumentRefusal refusal) {
                assertThat(refusal.french()).as(mutated).isNotBlank();
                return refusal.code();
            }
        });
    }

    /** How the listener reads a parsed message: null when read, else the code it is refused with. */
    private interface Reading {
        AcknowledgmentCode refusal(Message message, String mutated) throws Exception;
    }

    /**
     * 3,000 mutations of {@code valid}, each parsed and read as the listener does. A parse that fails is answered by
     * the listener's handler: HAPI's router catches any exception of the parse (a mutated MDM can make HAPI's parser
     * throw a ClassCastException where MDM_T02 has its COMMON_ORDER group) and hands it there.
     */
    private static void fuzz(String valid, long seed, Reading reading) throws Exception {
        Random random = new Random(seed);
        EnumSet<AcknowledgmentCode> refusals = EnumSet.noneOf(AcknowledgmentCode.class);
        int read = 0;
        try (HapiContext context = AdtListener.configured(new DefaultHapiContext())) {
            for (int i = 0; i < 3_000; i++) {
                String mutated = mutate(valid, random);
                Message message;
                try {
                    message = context.getPipeParser().parse(mutated);
                } catch (HL7Exception | RuntimeException unparsable) {
                    String ack = UnreadableAck.of(mutated, unparsable, context.getPipeParser());
                    String code = new Terser(context.getPipeParser().parse(ack)).get("/MSA-1");
                    assertThat(code).as(mutated).isIn("AE", "AR");
                    refusals.add(AcknowledgmentCode.valueOf(code));
                    continue;
                }
                AcknowledgmentCode refused = reading.refusal(message, mutated);
                if (refused == null) {
                    read++;
                } else {
                    assertThat(refused).as(mutated).isIn(AcknowledgmentCode.AE, AcknowledgmentCode.AR);
                    refusals.add(refused);
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
