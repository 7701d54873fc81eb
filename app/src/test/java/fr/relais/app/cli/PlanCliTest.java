package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code relais plan|handoff|consent}: the documented example file works; bad files exit 2 and change nothing. */
class PlanCliTest {
    @TempDir
    Path dir;

    @Test
    void theExamplePlanIsRecordedShownVersionedAndHandedOff() throws Exception {
        Path db = dir.resolve("relais.db");
        assertThat(CliRun.on(db, "patient", "add", "--family", "DURAND", "--given", "Marcel", "--sex", "M", "--birth-date", "1938-05-02",
                "--ipp", "P9").code()).isZero();
        Path example = Path.of("..", "docs", "examples", "urgent-care-plan.json");
        JsonNode saved = CliRun.on(db, "--format", "json", "plan", "edit", "P9", "--file", example.toString()).json();
        assertThat(saved.get("version").asInt()).isEqualTo(1);
        JsonNode shown = CliRun.on(db, "--format", "json", "plan", "show", "P9").json();
        assertThat(shown.at("/plan/allergies/items/0/substance").asText()).isEqualTo("Pénicilline");
        assertThat(shown.at("/plan/resuscitation/status").asText()).isEqualTo("DO_NOT_RESUSCITATE");
        assertThat(shown.get("changedAt").asText()).endsWith("Z");

        Path misspelt = dir.resolve("faute.json");
        Files.writeString(misspelt, Files.readString(example).replace("\"allergies\"", "\"allergie\""));
        CliRun refused = CliRun.on(db, "plan", "edit", "P9", "--file", misspelt.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("allergie", "faute.json");
        assertThat(CliRun.on(db, "--format", "json", "plan", "history", "P9").json()).hasSize(1);

        Path second = dir.resolve("v2.json");
        Files.writeString(second, Files.readString(example).replace("Pénicilline", "Pénicilline, iode").replace("Plan établi", "Allergie à l'iode"));
        assertThat(CliRun.on(db, "plan", "edit", "P9", "--file", second.toString()).code()).isZero();
        JsonNode history = CliRun.on(db, "--format", "json", "plan", "history", "P9").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reason").asText()).startsWith("Allergie à l'iode");

        assertThat(CliRun.on(db, "plan", "show", "P9", "--emergency").code()).as("no reason").isEqualTo(2);
        assertThat(CliRun.on(db, "plan", "show", "P9", "--emergency", "--reason", "Appel du 15 : malaise").code()).isZero();

        Path pdf = dir.resolve("fiche.pdf");
        assertThat(CliRun.on(db, "handoff", "P9", "--out", pdf.toString()).code()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Fiche de liaison", "Pénicilline, iode", "Furosémide 40 mg", "version 2");
        }
    }

    @Test
    void aNurseAskingForTheUrgentCarePlanOfAPatientWhoHasNoneIsToldSoInPlainFrench() {
        Path db = dir.resolve("relais.db");
        assertThat(CliRun.on(db, "patient", "add", "--family", "DURAND", "--given", "Marcel", "--sex", "M", "--birth-date", "1938-05-02",
                "--ipp", "P9").code()).isZero();

        CliRun refused = CliRun.on(db, "plan", "show", "P9");

        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("P9", "aucun plan de soins d'urgence n'est enregistré pour ce patient");
        assertThat(refused.err().indexOf("P9")).as("the input named once").isEqualTo(refused.err().lastIndexOf("P9"));
    }

    @Test
    void consentsAreAddedListedAndWithdrawnWithAReason() {
        Path db = dir.resolve("relais.db");
        assertThat(CliRun.on(db, "patient", "add", "--family", "DURAND", "--given", "Marcel", "--sex", "M", "--birth-date", "1938-05-02",
                "--ipp", "P9").code()).isZero();
        JsonNode consent = CliRun.on(db, "--format", "json", "consent", "add", "--patient", "P9", "--scope", "emergency-plan-sharing",
                "--collected-by", "IDEC Claire", "--on", "2026-11-20").json();
        assertThat(consent.get("scope").asText()).isEqualTo("EMERGENCY_PLAN_SHARING");
        assertThat(CliRun.on(db, "consent", "add", "--patient", "P9", "--scope", "partout", "--collected-by", "x").code()).isEqualTo(2);
        assertThat(CliRun.on(db, "consent", "withdraw", consent.get("id").asText()).code()).as("reason required").isEqualTo(2);
        JsonNode withdrawn = CliRun.on(db, "--format", "json", "consent", "withdraw", consent.get("id").asText(), "--reason",
                "Ne souhaite plus de partage avec le SAMU").json();
        assertThat(withdrawn.get("withdrawnBy").isNull()).isFalse();
        JsonNode list = CliRun.on(db, "--format", "json", "consent", "list", "--patient", "P9").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("withdrawalReason").asText()).contains("SAMU");
    }
}
