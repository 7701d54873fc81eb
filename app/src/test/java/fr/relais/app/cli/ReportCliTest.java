package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.StoreTemplate;
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
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
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

    @Test
    void cohortReportsInEachFormatAndThePatientsFhirExport() throws Exception {
        Path db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        assertThat(CliRun.on(db, "patient", "add", "--family", "GARNIER", "--given", "Élise", "--sex", "F", "--birth-date", "1948-02-29",
                "--ipp", "P7").code()).isZero();
        String today = CliRun.today().toString();
        assertThat(CliRun.on(db, "enroll", "--patient", "P7", "--pathway", "bpco-exacerbation", "--version", "1", "--start", today).code()).isZero();
        assertThat(CliRun.on(db, "measure", "add", "--patient", "P7", "--code", "59408-5", "--value", "95", "--unit", "%").code()).isZero();

        Path csv = dir.resolve("cohorte.csv");
        CliRun written = CliRun.on(db, "report", "cohort", "--pathway", "bpco-exacerbation", "--from", today, "--to", today, "--out", csv.toString());
        assertThat(written.code()).as(written.err()).isZero();
        String text = Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFindicateur;valeur;définition").contains("enrollments;1;").doesNotContain("GARNIER");
        Path json = dir.resolve("cohorte.json");
        assertThat(CliRun.on(db, "report", "cohort", "--pathway", "bpco-exacerbation", "--from", today, "--to", today,
                "--out", json.toString(), "--with-identity").code()).isZero();
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(tree.at("/indicators/enrollments").asInt()).isEqualTo(1);
        assertThat(tree.at("/patients/0/name").asText()).isEqualTo("GARNIER Élise");
        Path pdf = dir.resolve("cohorte.pdf");
        assertThat(CliRun.on(db, "report", "cohort", "--pathway", "bpco-exacerbation", "--from", today, "--to", today,
                "--out", pdf.toString()).code()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport de cohorte", "Synthèse");
        }
        assertThat(CliRun.on(db, "report", "cohort", "--pathway", "bpco-exacerbation", "--from", "2026-12-01", "--to", "2026-11-01",
                "--out", dir.resolve("z.csv").toString()).code()).isEqualTo(2);
        assertThat(CliRun.on(db, "report", "cohort", "--pathway", "bpco-exacerbation", "--from", today, "--to", today,
                "--out", dir.resolve("z.xlsx").toString()).code()).isEqualTo(2);
        assertThat(CliRun.on(db, "report", "cohort", "--pathway", "inconnu", "--from", today, "--to", today,
                "--out", dir.resolve("z.csv").toString()).code()).isEqualTo(2);

        Path export = dir.resolve("export.json");
        assertThat(CliRun.of((s, l) -> { }, java.util.Map.of("RELAIS_DB", db.toString(), "RELAIS_IPP_OID", "1.2.250.1.999.99.1"),
                "export", "patient", "P7", "--out", export.toString()).code()).isZero();
        var bundle = fr.relais.sync.fhir.RelaisFhir.CONTEXT.newJsonParser()
                .parseResource(org.hl7.fhir.r4.model.Bundle.class, Files.readString(export));
        assertThat(bundle.getType()).isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION);
        assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "CarePlan", "Task", "Observation");
    }
}
