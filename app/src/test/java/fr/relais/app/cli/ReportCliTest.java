package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relais report patient}: the PDF is written under its name only when complete; bad input exits 2. */
class ReportCliTest {
    @TempDir
    Path dir;

    @Test
    void writesThePatientReportAndRefusesWhatItCannotWrite() throws Exception {
        Path db = dir.resolve("relais.db");
        assertThat(CliRun.on(db, "patient", "add", "--family", "GARNIER", "--given", "Élise", "--sex", "F", "--birth-date", "1948-02-29",
                "--ipp", "P7").code()).isZero();
        Path pdf = dir.resolve("garnier.pdf");
        CliRun written = CliRun.on(db, "--format", "json", "report", "patient", "P7", "--out", pdf.toString(), "--lang", "en");
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(written.json().get("file").asText()).isEqualTo(pdf.toAbsolutePath().toString());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Pathway report", "GARNIER Élise", "born 1948-02-29");
        }
        assertThat(dir.resolve("garnier.pdf.part")).doesNotExist();

        assertThat(CliRun.on(db, "report", "patient", "P7", "--out", dir.resolve("x.txt").toString()).code()).isEqualTo(2);
        CliRun unknown = CliRun.on(db, "report", "patient", "NOPE", "--out", dir.resolve("y.pdf").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(dir.resolve("y.pdf")).doesNotExist();
        assertThat(Files.list(dir).filter(p -> p.toString().endsWith(".part"))).isEmpty();
    }
}
