package fr.relais.sync.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hospital's interface engine reads Relais's answers field by field: the ACK the listener writes for an accepted,
 * a failed and a refused message holds exactly what HAPI's own {@code generateACK} writes, with Relais named in MSH-3
 * (the listener's answer as it was built before its cost was cut, docs/benchmarks.md "Tenth pass"), on the messages of
 * the listener's tests. Only the ACK's own time (MSH-7) and control id (MSH-10, drawn at random) differ between two
 * ACKs, so they are compared by their form.
 */
class AdtAcknowledgementTest {
    static HapiContext context;

    @BeforeAll
    static void parser() {
        context = AdtListener.configured(new DefaultHapiContext(fr.relais.core.work.LibraryThreads.perTask("adt-ack-test")));
    }

    @AfterAll
    static void close() throws Exception {
        context.close();
    }

    /** The ACK as the listener built it until now: HAPI's, then MSH-3 set through a Terser path. */
    static Message hapis(Message message, AcknowledgmentCode code, HL7Exception error) throws Exception {
        Message ack = message.generateACK(code, error);
        new Terser(ack).set("/MSH-3", AdtReceiver.APPLICATION);
        return ack;
    }

    /** Each field of an encoded ACK, MSH-7 and MSH-10 replaced by their form. */
    static List<String> fields(Message ack) throws Exception {
        Terser t = new Terser(ack);
        assertThat(t.get("/MSH-7")).matches("\\d{14}(\\.\\d+)?([+-]\\d{4})?");
        assertThat(t.get("/MSH-10")).matches("[0-9a-f]{20}");
        String encoded = context.getPipeParser().encode(ack);
        String[] msh = encoded.split("\r")[0].split("\\|", -1);
        msh[6] = "<time>";
        msh[9] = "<control id>";
        List<String> segments = new java.util.ArrayList<>(List.of(encoded.split("\r")));
        segments.set(0, String.join("|", msh));
        return segments;
    }

    static Message parsed(String text) throws Exception {
        return context.getPipeParser().parse(text);
    }

    @Test
    void anAdmissionAndADischargeAcceptedAreAnsweredAsHapiAnswersThem() throws Exception {
        for (String text : List.of(
                AdtListenerTest.adt("A01", "ACK-1", "H-100", null, "VALI", "202703160900", ""),
                AdtListenerTest.adt("A03", "ACK-2", "H-200", null, "VALI", "202703161430", "\rDG1|1||I50.9^Insuffisance cardiaque^I10||20270316|F"),
                AdtListenerTest.adt("A01", "ACK-3", null, "295109912611193", "PROV", "202703160900", ""))) {
            Message message = parsed(text);
            List<String> ours = fields(AdtReceiver.ack(message, AcknowledgmentCode.AA, null));
            assertThat(ours).isEqualTo(fields(hapis(message, AcknowledgmentCode.AA, null)));
            assertThat(ours.get(0)).startsWith("MSH|^~\\&|RELAIS|EQUIPE|SIH|CHU-RENNES|<time>||ACK^").endsWith("|<control id>|P|2.5");
            assertThat(ours).contains("MSA|AA|" + new Terser(message).get("/MSH-10"));
        }
    }

    @Test
    void aDischargeLetterAcceptedIsAnsweredAsHapiAnswersIt() throws Exception {
        // An MDM^T02 in version 2.6: the ACK names that version and the event T02, as HAPI's does.
        Message message = parsed(HospitalLetterListenerTest.mdm("ACK-8", "H-100", "202703161500",
                HospitalLetterListenerTest.pdfField("%PDF-1.4 lettre".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

        List<String> ours = fields(AdtReceiver.ack(message, AcknowledgmentCode.AA, null));

        assertThat(ours).isEqualTo(fields(hapis(message, AcknowledgmentCode.AA, null)));
        assertThat(ours.get(0)).contains("|ACK^T02^ACK|").endsWith("|<control id>|P|2.6");
    }

    @Test
    void aMessageStoredButNotAppliedIsAnsweredAeAsHapiAnswersIt() throws Exception {
        Message message = parsed(AdtListenerTest.adt("A01", "ACK-4", "H-100", null, "VALI", "202703160900", ""));
        HL7Exception error = new HL7Exception("Stored, could not be applied", ErrorCode.APPLICATION_INTERNAL_ERROR);

        List<String> ours = fields(AdtReceiver.ack(message, AcknowledgmentCode.AE, error));

        assertThat(ours).isEqualTo(fields(hapis(message, AcknowledgmentCode.AE, error)));
        assertThat(ours).contains("MSA|AE|ACK-4").anySatisfy(s -> assertThat(s).startsWith("ERR|").contains("207"));
    }

    @Test
    void refusedMessagesAreAnsweredAeOrArWithTheirErrorAsHapiAnswersThem() throws Exception {
        for (String text : List.of(
                AdtListenerTest.adt("A01", "ACK-5", null, null, "VALI", "202703160900", ""), // no patient identifier: AE 101
                AdtListenerTest.adt("A08", "ACK-6", "H-600", null, "VALI", "202703160900", ""), // not a supported event: AR 200
                AdtListenerTest.adt("A01", "ACK-7", "H-600", null, "VALI", "202703160900", "").replace("|P|2.5^FRA^2.10|", "|P|2.3|"))) {
            Message message = parsed(text);
            AdtRefusal refusal = refusalOf(message, text);
            HL7Exception error = new HL7Exception(refusal.getMessage(), refusal.error());

            List<String> ours = fields(AdtReceiver.ack(message, refusal.code(), error));

            assertThat(ours).isEqualTo(fields(hapis(message, refusal.code(), new HL7Exception(refusal.getMessage(), refusal.error()))));
            assertThat(ours).contains("MSA|" + refusal.code().name() + "|" + new Terser(message).get("/MSH-10"))
                    .anySatisfy(s -> assertThat(s).startsWith("ERR|").contains(String.valueOf(refusal.error().getCode())));
        }
    }

    static AdtRefusal refusalOf(Message message, String text) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> AdtMessageReader.read(message, text)).isInstanceOf(AdtRefusal.class).satisfies(e -> thrown[0] = e);
        return (AdtRefusal) thrown[0];
    }
}
