package fr.relais.sync.adt;

import static fr.relais.core.store.schema.Tables.AUDIT_EVENT;
import static fr.relais.core.store.schema.Tables.HOSPITAL_DOCUMENT;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.util.Terser;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.relais.core.TestServices;
import fr.relais.core.hospital.HospitalDocument;
import fr.relais.core.hospital.HospitalDocuments;
import fr.relais.core.hospital.HospitalStay;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real MLLP: HAPI HL7v2's own client sends a hospital's discharge letter as an MDM^T02 (the PDF Base64-encoded in OBX-5,
 * as ANS's "Transmission au LPS de documents CDA reçus par MSSanté" carries its documents) to the same listener as the
 * ADT messages, over a real SQLite store. Each test keeps to its own patient (its own IPP).
 */
class HospitalLetterListenerTest {
    static final String HOSPITAL_IPP = AdtListenerTest.HOSPITAL_IPP;
    static final String FACILITY = AdtListenerTest.FACILITY;
    static final AtomicInteger CONTROL = new AtomicInteger();

    static Path dir;
    static TestServices s;
    static HospitalInterfaceEngine engine;
    static ListAppender<ILoggingEvent> log;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("letter-listener");
        s = new TestServices(dir.resolve("relais.db"), Clock.fixed(Instant.parse("2027-03-20T08:00:00Z"), ZoneOffset.UTC));
        engine = HospitalInterfaceEngine.connectedTo(free -> AdtListener.start(s.core.hospitalEvents(), s.core.hospitalDocuments(),
                Set.of(HOSPITAL_IPP), free, false), "letter-client");
        log = HospitalInterfaceEngine.logOf(MdmReceiver.class);
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        s.close();
    }

    /** A one-page PDF made with the project's PDF library, as a hospital's letter would be. */
    static byte[] letterPdf(String line) throws Exception {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                text.newLineAtOffset(72, 700);
                text.showText(line);
                text.endText();
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }

    /**
     * An MDM^T02 as a French hospital's interface engine writes it: PID-3 with the IPP, PV1-19 the visit number, TXA-4
     * the letter's date, OBX-3 its LOINC type, OBX-5 the PDF ({@code obx5}: the whole ED field).
     */
    static String mdm(String controlId, String ipp, String at, String obx5) {
        return String.join("\r",
                "MSH|^~\\&|PFI|" + FACILITY + "|RELAIS|EQUIPE|" + at + "||MDM^T02^MDM_T02|" + controlId + "|P|2.6|||||FRA|8859/15",
                "EVN|T02|" + at,
                "PID|||" + ipp + "^^^CHU-RENNES&" + HOSPITAL_IPP + "&ISO^PI||MARTIN^Louise^^^^^L||19410203|F",
                "PV1||I|CARDIO^12^1^CHU-RENNES||||||||||||||||V-" + ipp,
                "TXA|1|11490-0|TEXT|" + at + "|||||^PERRIN^Claire||||DOC-" + controlId + "^^1.2.250.1.999.29.5^ISO|||||AU",
                "OBX|1|ED|11490-0^Lettre de liaison a la sortie^LN||" + obx5 + "||||||F");
    }

    static String pdfField(byte[] pdf) {
        return "^application^pdf^Base64^" + Base64.getEncoder().encodeToString(pdf);
    }

    static String next() {
        return "LET" + CONTROL.incrementAndGet();
    }

    static Terser send(String text) throws Exception {
        return engine.send(text);
    }

    static Patient patient(String family, String ipp) {
        return s.registerPatient(family, "Louise", Sex.F, LocalDate.of(1941, 2, 3), ipp);
    }

    static HospitalDocuments documents() {
        return s.core.hospitalDocuments();
    }

    @Test
    void aDischargeLetterSentAfterTheDischargeIsFiledWithHerStay() throws Exception {
        Patient patient = patient("DUBOIS", "L-100");
        assertThat(send(AdtListenerTest.adt("A01", next(), "L-100", null, "VALI", "202702010900", "")
                .replace("V-L-100", "V-EARLIER")).get("/MSA-1")).isEqualTo("AA");
        assertThat(send(AdtListenerTest.adt("A03", next(), "L-100", null, "VALI", "202702051000", "")
                .replace("V-L-100", "V-EARLIER")).get("/MSA-1")).isEqualTo("AA");
        assertThat(send(AdtListenerTest.adt("A01", next(), "L-100", null, "VALI", "202703100900", "")).get("/MSA-1")).isEqualTo("AA");
        assertThat(send(AdtListenerTest.adt("A03", next(), "L-100", null, "VALI", "202703161430", "")).get("/MSA-1")).isEqualTo("AA");
        HospitalStay march = s.core.hospitalEvents().staysOf(patient.id()).get(0);
        assertThat(march.admittedAt()).isEqualTo(Instant.parse("2027-03-10T08:00:00Z"));
        byte[] pdf = letterPdf("Lettre de liaison - Mme DUBOIS - sortie le 16/03/2027");

        // Three days after the discharge; its visit number names the March stay.
        Terser ack = send(mdm(next(), "L-100", "202703190900", pdfField(pdf)));

        assertThat(ack.get("/MSA-1")).isEqualTo("AA");
        HospitalDocument letter = documents().ofPatient(patient.id()).stream().findFirst().orElseThrow();
        assertThat(letter.stayId()).isEqualTo(march.id());
        assertThat(letter.typeCode()).isEqualTo("11490-0");
        assertThat(letter.facility()).isEqualTo("CHU-RENNES");
        assertThat(letter.author()).isEqualTo("Claire PERRIN");
        assertThat(letter.documentAt()).isEqualTo(Instant.parse("2027-03-19T08:00:00Z"));
        assertThat(letter.mimeType()).isEqualTo("application/pdf");
        byte[] read = documents().read(letter.id());
        assertThat(read).isEqualTo(pdf);
        try (PDDocument back = Loader.loadPDF(read)) {
            assertThat(new PDFTextStripper().getText(back)).contains("Lettre de liaison - Mme DUBOIS");
        }
        assertThat(s.database.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("hospital.document.read")
                .and(AUDIT_EVENT.ENTITY_ID.eq(letter.id().toString())))).isEqualTo(1);
    }

    @Test
    void aLetterForAnUnknownPatientWaitsInTheIdentityQueueAndIsFiledOnceLinked() throws Exception {
        Patient namesake = patient("MARTIN", "L-200"); // same name and birth date: never matched by name
        String control = next();
        byte[] pdf = letterPdf("Lettre de liaison - patiente inconnue");

        assertThat(send(mdm(control, "L-999", "202703190900", pdfField(pdf))).get("/MSA-1")).isEqualTo("AA");

        HospitalDocument queued = documents().queue().stream().filter(d -> d.controlId().equals(control)).findFirst().orElseThrow();
        assertThat(queued.queueReason()).isEqualTo(fr.relais.core.hospital.StoredHospitalEvent.QueueReason.UNMATCHED);
        assertThat(documents().ofPatient(namesake.id())).isEmpty();

        HospitalDocument filed = documents().link(queued.id(), namesake.id(), Set.of(HOSPITAL_IPP));

        assertThat(filed.state()).isEqualTo(HospitalDocument.State.FILED);
        assertThat(documents().ofPatient(namesake.id())).extracting(HospitalDocument::id).containsExactly(queued.id());
        assertThat(documents().read(queued.id())).isEqualTo(pdf);
        // The hospital's next letter finds her by the IPP now linked.
        assertThat(send(mdm(next(), "L-999", "202703200900", pdfField(letterPdf("Second courrier")))).get("/MSA-1")).isEqualTo("AA");
        assertThat(documents().ofPatient(namesake.id())).hasSize(2);
    }

    @Test
    void theSameLetterSentTwiceIsFiledOnce() throws Exception {
        Patient patient = patient("GARNIER", "L-300");
        String control = next();
        String message = mdm(control, "L-300", "202703190900", pdfField(letterPdf("Lettre de liaison - Mme GARNIER")));

        Terser first = send(message);
        Terser again = send(message);

        assertThat(first.get("/MSA-1")).isEqualTo("AA");
        assertThat(again.get("/MSA-1")).isEqualTo("AA");
        assertThat(again.get("/MSA-2")).isEqualTo(control);
        assertThat(s.database.dsl().fetchCount(HOSPITAL_DOCUMENT, HOSPITAL_DOCUMENT.CONTROL_ID.eq(control))).isEqualTo(1);
        assertThat(documents().ofPatient(patient.id())).hasSize(1);
    }

    @Test
    void aLetterWithoutItsDocumentIsRefusedWithTheReason() throws Exception {
        patient("FAURE", "L-400");
        String control = next();

        Terser ack = send(mdm(control, "L-400", "202703190900", "^application^pdf^Base64^"));

        assertThat(ack.get("/MSA-1")).isEqualTo("AE");
        assertThat(ack.get("/MSA-2")).isEqualTo(control);
        assertThat(ack.get("/ERR-3-1")).isEqualTo("101");
        // The reason in ERR-3's original text (the ACK is in the message's version, 2.6, as the ANS guide's examples)
        assertThat(ack.get("/ERR-3-9")).contains("No document");
        assertThat(s.database.dsl().fetchCount(HOSPITAL_DOCUMENT, HOSPITAL_DOCUMENT.CONTROL_ID.eq(control))).isZero();
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(control).contains("refusé, AE")
                .contains("aucun document"));
        // Declared a PDF, the data something else: refused too, with its own reason.
        String notPdf = next();
        Terser wrong = send(mdm(notPdf, "L-400", "202703190900", "^application^pdf^Base64^"
                + Base64.getEncoder().encodeToString("pas un PDF".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertThat(wrong.get("/MSA-1")).isEqualTo("AE");
        assertThat(wrong.get("/ERR-3-9")).contains("not a PDF");
    }
}
