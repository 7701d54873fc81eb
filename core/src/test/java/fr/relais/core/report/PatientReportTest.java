package fr.relais.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.MutableClock;
import fr.relais.core.RawCodePatterns;
import fr.relais.core.StoreTest;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.store.StoreKind;
import fr.relais.core.time.CareZone;
import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.ValidationResult;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The patient pathway report, read back: text, a rendered first page, and a PDF/A validator's verdict. */
class PatientReportTest extends StoreTest {
    static final LocalDate START = LocalDate.of(2026, 11, 2);

    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(ZonedDateTime.of(START.atTime(8, 0), CareZone.PARIS).toInstant());
        openStore(clock);
        s.database.inTransaction(() -> s.database.meta().setKind(StoreKind.DEMO));
        patient = fr.relais.core.identity.TestInsiAnswer.registerFromInsi(s.patients, new NewPatient(new StrictTraits("LEFÈVRE",
                List.of("Hélène", "Zoé"), Sex.F, LocalDate.of(1995, 10, 3), "99126"), "DUPRÉ", null, "IPP-OE1", null, null, null),
                new Ins(InsMatricule.parse("ins", "295109912611193"), InsOid.NIR_TEST), IdentityDocument.CN);
        var idec = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        s.careTeam.assign(patient.id(), idec.id(), CareRole.IDEC, START);
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, START);
        for (int day = 0; day < 6; day++) {
            measure(String.valueOf(95 - day), day);
        }
        Measure wrong = measure("70", 6);
        s.measures.markEnteredInError(wrong.id(), "capteur débranché");
        s.alerts.acknowledge(s.alerts.list(true, patient.id()).get(0).id(), "appel de la patiente, O₂ ajusté");
        s.questionnaires.answer(patient.id(), "PHQ-9", List.of(1, 1, 0, 0, 1, 0, 0, 0, 0), clock.instant());
        clock.set(ZonedDateTime.of(START.plusDays(10).atTime(9, 0), CareZone.PARIS).toInstant());
    }

    private Measure measure(String value, int day) {
        var at = ZonedDateTime.of(START.plusDays(day).atTime(9, 0), CareZone.PARIS).toInstant();
        clock.set(at.plusSeconds(60));
        return s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.SPO2, value, "%", at, MeasureSource.DEVICE));
    }

    private Path report(Language language) throws Exception {
        Path file = dir.resolve("rapport-" + language.name().toLowerCase() + ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            s.core.reports().write(patient.id(), language, out);
        }
        return file;
    }

    @Test
    void theHospitalStaysAreInTheReportInOrderWithTheCancelledTransferShownAsSuchAndTheCurrentStayOnPageOne() throws Exception {
        var adt = new fr.relais.core.hospital.TestAdt(s.core.hospitalEvents());
        String cardio = "CARDIO / 12 / 1";
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A01, "M1", 5, 10, cardio, null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A02, "M2", 6, 11, "USIC / 3 / ", null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A12, "M2", 6, 12, cardio, null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A21, "M3", 7, 14, cardio, null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A22, "M4", 8, 10, cardio, null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A03, "M5", 9, 15, cardio, null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A01, "M6", 11, 20, "PNEUMO / 7 / ", LocalDate.of(2026, 11, 16));
        clock.set(ZonedDateTime.of(START.plusDays(10).atTime(9, 0), CareZone.PARIS).toInstant());

        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            PDFTextStripper page1 = new PDFTextStripper();
            page1.setEndPage(1);
            assertThat(page1.getText(pdf).replaceAll("\\s+", " ")).contains(
                    "À l'hôpital depuis le 11/11/2026 20:00 : CHU-RENNES, service PNEUMO, chambre 7 ; sortie prévue le 16/11/2026.");
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).containsSubsequence("Séjours hospitaliers",
                    "• Admission à l'hôpital le 05/11/2026 à 10:00 : CHU-RENNES, service CARDIO, chambre 12, lit 1.",
                    "• Changement de service le 06/11/2026 à 11:00 : CHU-RENNES, service USIC, chambre 3 (mouvement annulé ensuite par l'hôpital).",
                    "• Changement de service annulé par l'hôpital le 06/11/2026 à 12:00",
                    "• Permission de sortie le 07/11/2026 à 14:00", "• Retour de permission le 08/11/2026 à 10:00",
                    "• Sortie de l'hôpital le 09/11/2026 à 15:00 : CHU-RENNES, service CARDIO, chambre 12, lit 1.",
                    "• Admission à l'hôpital le 11/11/2026 à 20:00 : CHU-RENNES, service PNEUMO, chambre 7.");
            assertThat(RawCodePatterns.findIn(text)).as(text).isEmpty();
        }
    }

    private void adtAt(fr.relais.core.hospital.TestAdt adt, fr.relais.core.hospital.HospitalEventType type, String movement, int day,
                       int hour, String location, LocalDate expected) {
        var at = ZonedDateTime.of(LocalDate.of(2026, 11, day).atTime(hour, 0), CareZone.PARIS).toInstant();
        clock.set(at);
        adt.send("IPP-OE1", type, movement, at, location, expected);
    }

    @Test
    void theDischargeLetterTheHospitalSentIsListedWithItsTitleFacilityAndDayNeverItsCode() throws Exception {
        var adt = new fr.relais.core.hospital.TestAdt(s.core.hospitalEvents());
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A01, "M1", 5, 10, "CARDIO / 12 / 1", null);
        adtAt(adt, fr.relais.core.hospital.HospitalEventType.A03, "M2", 9, 15, "CARDIO / 12 / 1", null);
        s.core.hospitalDocuments().receive(new fr.relais.core.hospital.HospitalDocumentMessage("PFI", "CHU-RENNES^1.2.250.1.999.29^ISO",
                "LET1", List.of(new fr.relais.core.hospital.PatientIdentifier("IPP-OE1", fr.relais.core.hospital.TestAdt.OWN_IPP, "PI")),
                List.of("VALI"), null, null, "11490-0", "LN", "Lettre de liaison", "Claire PERRIN", "CHU-RENNES",
                ZonedDateTime.of(LocalDate.of(2026, 11, 10).atTime(9, 0), CareZone.PARIS).toInstant(), "DOC-1", "application/pdf",
                "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), java.util.Set.of(fr.relais.core.hospital.TestAdt.OWN_IPP));

        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).containsSubsequence("Séjours hospitaliers", "Courriers reçus de l'hôpital",
                    "• Lettre de liaison à la sortie, CHU-RENNES (Claire PERRIN), le 10/11/2026.").doesNotContain("11490-0");
        }
    }

    @Test
    void aPatientNeverInHospitalHasASectionSayingSo() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", " "))
                    .contains("Séjours hospitaliers Aucun séjour hospitalier signalé par un établissement.")
                    .doesNotContain("À l'hôpital depuis");
        }
    }

    @Test
    void theReportSaysWhoWhatAndHowInFrenchWithAccentsAndPageNumbers() throws Exception {
        Path file = report(Language.FR);
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Rapport de parcours", "DUPRÉ Hélène", "LEFÈVRE", "Hélène Zoé", "03/10/1995", "IPP-OE1",
                    "née le 03/10/1995", "femme", "Identité qualifiée (RNIV)", "INS (NIR) de test : 295109912611193 — identité qualifiée",
                    "IDE de coordination : Renée ROUX", "Parcours : BPCO", "Parcours en cours", "Étapes réalisées", "à venir", "SpO2",
                    "dernière valide 90 % le 07/11/2026 09:00 ; 1 saisie en erreur",
                    "SpO2 : alerte rouge sous 90 % ; alerte orange sous 93 % (seuils du parcours)", "PHQ-9 : score 3",
                    "prise en compte, alerte orange par idec1 — « appel de la patiente, O₂ ajusté »",
                    "page 1 / " + pdf.getNumberOfPages(), "rapport établi par IDEC Test le 12/11/2026 09:00");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Rapport de parcours — DUPRÉ Hélène");
            BufferedImage page1 = new PDFRenderer(pdf).renderImageWithDPI(0, 72);
            assertThat(page1.getWidth()).isEqualTo(595);
            Path png = Path.of("target", "screenshots", "patient-report-page1.png");
            Files.createDirectories(png.getParent());
            ImageIO.write(page1, "png", png.toFile());
        }
        ValidationResult result = PreflightParser.validate(file.toFile());
        assertThat(result.getErrorsList()).as("PDF/A-1b errors").extracting(e -> e.getErrorCode() + " " + e.getDetails()).isEmpty();
        assertThat(result.isValid()).isTrue();
    }

    @Test
    void aPhysicianReadsWhoTheStatusTheOpenAlertsAndTheLastMeasuresAgainstThresholdsOnPageOne() throws Exception {
        clock.set(ZonedDateTime.of(START.plusDays(1).atTime(8, 0), CareZone.PARIS).toInstant());
        s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_WEIGHT, "77.8", "kg",
                ZonedDateTime.of(START.plusDays(1).atTime(7, 30), CareZone.PARIS).toInstant(), MeasureSource.ENTERED));
        Measure fever = s.measures.record(new NewMeasure(patient.id(), MeasureCatalog.BODY_TEMPERATURE, "38.4", "Cel",
                ZonedDateTime.of(START.plusDays(1).atTime(7, 40), CareZone.PARIS).toInstant(), MeasureSource.ENTERED));
        s.measures.markEnteredInError(fever.id(), "thermomètre d'un autre patient");
        clock.set(ZonedDateTime.of(START.plusDays(10).atTime(9, 0), CareZone.PARIS).toInstant());

        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            // Sentences wrap at the page width: compared with single spaces.
            String page1 = firstPage.getText(pdf).replaceAll("\\s+", " ");
            assertThat(page1).contains("née le 03/10/1995, 31 ans — Identité qualifiée — IPP : IPP-OE1",
                    "Parcours BPCO : suivi après exacerbation : en cours, du 02/11/2026 au 01/01/2027 — 1 étape réalisée, 11 en retard, 6 à venir.",
                    "1 alerte ouverte :", "Alerte orange (prise en compte) depuis le",
                    "SpO2 : 90 % le 07/11/2026 09:00 — sous le seuil orange (93 %).",
                    "Poids : 77,8 kg le 03/11/2026 07:30 — pas de seuil d'alerte sur cette mesure.",
                    "Température : aucune mesure valide.");
            String text = new PDFTextStripper().getText(pdf);
            String flat = text.replaceAll("\\s+", " ");
            assertThat(flat.indexOf("Synthèse")).as("the summary comes before the details").isLessThan(flat.indexOf("Nom de naissance"));
            assertThat(RawCodePatterns.findIn(text)).as(text).isEmpty();
            assertThat(flat).doesNotContain("77.8").contains("SpO2 (%)", "zone d'alerte rouge", "zone d'alerte orange",
                    "triangle : mesure ayant déclenché une alerte", "Aucune mesure valide de température : pas de courbe.",
                    "Température : 1 mesure, aucune valide ; 1 saisie en erreur").doesNotContain("38,4");
            // The date axes: a line of day labels under each chart, each date once, the SpO2 one from its first day.
            List<List<String>> axes = text.lines().map(String::strip).filter(l -> l.matches("\\d{2}/\\d{2}( \\d{2}/\\d{2})+"))
                    .map(l -> List.of(l.split(" "))).toList();
            assertThat(axes).as("SpO2, weight and PHQ-9 charts").hasSize(3).allSatisfy(axis -> assertThat(axis).doesNotHaveDuplicates());
            List<String> dayLabels = axes.get(0);
            assertThat(dayLabels).startsWith("02/11").hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void theFirstPageLeavesOutWhatTheRecordLacksAndNamesTheInsInWordsNotByItsOid() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            String page1 = firstPage.getText(pdf).replaceAll("\\s+", " ");
            // Renée ROUX has no RPPS in the directory, the patient no used given name: not « RPPS - », not « prénom utilisé : - ».
            assertThat(page1).contains("IDE de coordination : Renée ROUX", "Nom utilisé : DUPRÉ", "INS (NIR) de test : 295109912611193")
                    .doesNotContain("RPPS", "prénom utilisé", " - ", "OID", "1.2.250.1.213");
            assertThat(RawCodePatterns.inclusiveFormsIn(page1)).as(page1).isEmpty();
        }
    }

    @Test
    void theOpenAlertOfASaturationMarkedWrongIsExplainedByTheValuesLeftNotTheWrongOne() throws Exception {
        // The setup's 70 % raised the orange alert to red, then was entered in error: the alert is orange again.
        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            String flat = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(flat).contains("Alerte orange (prise en compte) depuis le 05/11/2026 09:01 : "
                    + "SpO2 90 % le 07/11/2026 à 09:00 — sous le seuil orange de 93 %").doesNotContain("SpO2 70 %");
        }
    }

    @Test
    void inEnglishOnRequestAndTheInsOnlyForAQualifiedIdentity() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(report(Language.EN).toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Pathway report", "Care team", "born 1995-10-03", "sex: female", "INS (NIR), test: 295109912611193 — qualified identity");
        }
        s.patients.correctTraits(patient.id(), new StrictTraits("LEFÈVRE", List.of("Hélène"), Sex.F, LocalDate.of(1995, 10, 3), "99126"),
                "second prénom retiré");
        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Identité provisoire (RNIV)").doesNotContain("295109912611193");
        }
    }

    @Test
    void aSaturationTheOximeterHasNotValidatedYetIsReportedProvisional() throws Exception {
        var at = ZonedDateTime.of(START.plusDays(8).atTime(9, 0), CareZone.PARIS).toInstant();
        s.measures.applySynced(new Measure(java.util.UUID.randomUUID(), patient.id(), MeasureCatalog.SPO2, new java.math.BigDecimal("91"), "%",
                "91", "%", at, MeasureSource.SYNCED, "server", false, fr.relais.core.measure.MeasureStatus.FINAL, null, at, at, true),
                "Observation/oxy-1");

        try (PDDocument pdf = Loader.loadPDF(report(Language.FR).toFile())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("dernière valide 91 % (provisoire) le 10/11/2026 09:00");
        }
    }
}
