package fr.relais.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RawCodePatterns;
import fr.relais.core.TestServices;
import fr.relais.core.alert.Alert;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Patient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of PDF Relais writes, from a demo store, read back with PDFBox: no engine code reaches the paper (enum
 * words, rule ids, ISO durations, JSON, UUIDs, UCUM codes, field paths; docs/wording.md), and numbers have a French
 * decimal comma. The patients with alerts are those whose reports used to show explanations as JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsInClinicalFrenchTest {
    @TempDir
    static Path dir;
    TestServices s;
    List<Patient> sample;

    @BeforeAll
    void demoStore() {
        s = new TestServices(dir.resolve("relais.db"));
        s.core.demo().generate(40, 11, n -> { });
        Set<UUID> withAlerts = new LinkedHashSet<>();
        for (Alert a : s.alerts.list(false, null)) {
            withAlerts.add(a.patientId());
        }
        sample = new ArrayList<>();
        withAlerts.stream().limit(8).forEach(id -> sample.add(s.patients.get(id)));
        s.patients.list(0, 3).forEach(sample::add);
        assertThat(withAlerts).as("the demo raises alerts").isNotEmpty();
    }

    @AfterAll
    void close() {
        s.close();
    }

    @Test
    void noBundleSentenceUsesAnInclusiveForm() {
        // The PDFs' wording and the errors the command line prints: « 4 lignes invalides », « 2 jours », the birth date
        // rather than « né(e) le », in French and in English, every value and every count.
        for (String bundle : List.of("report", "wording", "errors", "alerts", "identity")) {
            for (String language : List.of("_fr", "_en")) {
                String resource = "/fr/relais/core/i18n/" + bundle + language + ".properties";
                assertThat(RawCodePatterns.inclusiveFormsInBundle(resource)).as(resource).isEmpty();
            }
        }
    }

    @Test
    void patientPathwayReportsOfADemoStoreShowNoEngineCode() throws IOException {
        for (Patient p : sample) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.core.reports().write(p.id(), Language.FR, out);
            String text = text(out);
            assertThat(RawCodePatterns.findIn(text)).as(p.displayName() + "\n" + text).isEmpty();
            assertThat(text).doesNotContainPattern("\\d\\.\\d+ (kg|%|g/L|°C|mmHg)");
        }
    }

    @Test
    void handOffSummariesAndAccessHistoriesShowNoEngineCode() throws IOException {
        for (Patient p : sample) {
            ByteArrayOutputStream handoff = new ByteArrayOutputStream();
            s.core.handoffs().write(p.id(), Language.FR, handoff);
            assertThat(RawCodePatterns.findIn(text(handoff))).as(p.displayName() + " hand-off").isEmpty();
            s.patients.openFile(p.id(), "poste de soins");
            ByteArrayOutputStream access = new ByteArrayOutputStream();
            s.core.reports().writeAccessHistory(p.id(), Language.FR, access);
            String history = text(access);
            // The workstation's own name (here the test's) is printed as the machine calls itself.
            assertThat(RawCodePatterns.findIn(history, Set.of(s.session.actor().workstation()))).as(p.displayName() + " access\n" + history)
                    .isEmpty();
            assertThat(history).contains("Consultation du dossier").doesNotContain("patient.read");
            // Who read it by name, as the desktop's "Accès" tab says it, never by login.
            assertThat(history).contains(s.session.actor().displayName()).doesNotContainPattern("\\b" + s.session.actor().userId() + "\\b");
        }
    }

    @Test
    void cohortReportsOfEveryBuiltInPathwayShowNoEngineCode() throws IOException {
        LocalDate to = TestServices.NOW.atZone(ZoneOffset.UTC).toLocalDate();
        for (String pathway : List.of("insuffisance-cardiaque-sortie", "bpco-exacerbation", "diabete-type-2", "chirurgie-ambulatoire-raac",
                "personne-agee-fragile-domicile")) {
            for (boolean withIdentity : new boolean[] {false, true}) {
                CohortReport report = s.core.cohorts().compute(new CohortQuery(pathway, to.minusDays(90), to, withIdentity));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CohortReportWriter.pdf(report, Language.FR, s.session.actor().displayName(), out);
                String text = text(out);
                assertThat(RawCodePatterns.findIn(text)).as(pathway + "\n" + text).isEmpty();
            }
        }
    }

    private static String text(ByteArrayOutputStream pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toByteArray())) {
            return new PDFTextStripper().getText(document);
        }
    }
}
