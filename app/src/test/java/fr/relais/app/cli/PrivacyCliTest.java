package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.StoreTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relais anonymise} and {@code relais retention} (issue 9) on a demo store. */
class PrivacyCliTest {
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.on(StoreTemplate.copyTo(dir.resolve("relais.db")), args);
    }

    @Test
    void aPatientIsAnonymisedOnRequestAndRetentionListsNothingRecent() {
        assertThat(run("demo", "--patients", "3").code()).isZero();
        JsonNode patients = run("--format", "json", "patient", "list").json();
        String id = patients.get(0).get("id").asText();
        String ipp = patients.get(0).get("ipp").asText();

        assertThat(run("anonymise", id).code()).as("a reason is required").isEqualTo(2);
        JsonNode anonymous = run("--format", "json", "anonymise", ipp, "--reason", "demande du patient").json();
        assertThat(anonymous.get("birthFamilyName").asText()).isEqualTo("ANONYME");
        assertThat(anonymous.get("ipp").isNull()).isTrue();
        assertThat(anonymous.get("ins").isNull()).isTrue();
        assertThat(run("--format", "json", "patient", "list", "--search", ipp).json()).isEmpty();

        assertThat(run("--format", "json", "retention", "--years", "1").json()).isEmpty();
        CliRun bad = run("retention", "--years", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("durée de conservation");
        assertThat(run("retention", "--apply").code()).as("--apply needs a reason").isEqualTo(2);
    }

    @Test
    void anAnonymisedPatientsYearOfBirthIsShownAsAYearInTheFileAndThePdf() throws Exception {
        assertThat(run("demo", "--patients", "2").code()).isZero();
        String id = run("--format", "json", "patient", "list").json().get(0).get("id").asText();

        JsonNode anonymous = run("--format", "json", "anonymise", id, "--reason", "demande du patient").json();

        String year = anonymous.get("birthDate").asText();
        assertThat(year).matches("\\d{4}");
        CliRun shown = run("patient", "show", id);
        assertThat(shown.out()).contains("en " + year + " (date de naissance incomplète)").doesNotContain("01/01/" + year);
        Path pdf = dir.resolve("anonyme.pdf");
        assertThat(run("report", "patient", id, "--out", pdf.toString()).code()).isZero();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains(year).doesNotContain("01/01/" + year);
        }
    }

    @Test
    void aPatientsAccessHistoryIsPrintedAsAPdf() throws Exception {
        assertThat(run("demo", "--patients", "2").code()).isZero();
        String id = run("--format", "json", "patient", "list").json().get(0).get("id").asText();
        assertThat(run("patient", "show", id).code()).isZero();
        Path pdf = dir.resolve("acces.pdf");

        JsonNode printed = run("--format", "json", "audit", "list", "--patient", id, "--out", pdf.toString()).json();

        assertThat(printed.get("events").asInt()).isPositive();
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("Historique des accès au dossier", "Consultation du dossier", "Création du dossier")
                    .doesNotContain("patient.read");
        }
        assertThat(run("--format", "json", "audit", "list", "--patient", id).json().toString()).contains("patient.accessHistory.print");
    }
}
