package fr.relais.core.urgentcare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.TestServices;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.preflight.parser.PreflightParser;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The urgent care plan: versions and history, the patient's agreement, consents and sharing, break-glass, the hand-off. */
class UrgentCarePlanTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;
    TestServices s;
    Patient patient;
    UrgentCarePlanService plans;

    @BeforeEach
    void setUp() {
        s = new TestServices(dir.resolve("relais.db"));
        patient = s.patients.register(new NewPatient(new StrictTraits("DURAND", List.of("Marcel"), Sex.M, LocalDate.of(1938, 5, 2),
                null), null, null, "P-UCP", null, null, null)).patient();
        plans = s.core.urgentCarePlans();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    static UrgentCarePlan plan(UrgentCarePlan.Allergies allergies, UrgentCarePlan.Treatments treatments) {
        return new UrgentCarePlan("Insuffisance cardiaque stade III, BPCO", "Pronostic réservé à 6 mois", allergies, treatments,
                "Appeler l'IDEC puis le médecin traitant ; si détresse respiratoire, 15 en signalant le plan",
                new UrgentCarePlan.Resuscitation(UrgentCarePlan.ResuscitationStatus.DO_NOT_RESUSCITATE, "Pas d'intubation ; oxygène et morphine",
                        "Dr Jérôme BONNET", LocalDate.of(2026, 11, 20)),
                new UrgentCarePlan.AdvanceDirectives(UrgentCarePlan.Presence.YES, "Chez la fille, copie au DMP"),
                new UrgentCarePlan.Contact("Anne DURAND", "fille", "06 12 34 56 78"),
                List.of(new UrgentCarePlan.Contact("Dr Jérôme BONNET", "médecin traitant", "04 78 00 00 00")), "Domicile", "Domicile",
                List.of("Concentrateur d'oxygène 2 L/min"), TODAY.plusMonths(3),
                new UrgentCarePlan.Agreement(UrgentCarePlan.Participant.PATIENT, null, true, TODAY));
    }

    static UrgentCarePlan.Allergies penicillin() {
        return new UrgentCarePlan.Allergies(false, List.of(new UrgentCarePlan.Allergy("Pénicilline", "œdème de Quincke",
                "http://snomed.info/sct", "91936005")));
    }

    static UrgentCarePlan.Treatments furosemide() {
        return new UrgentCarePlan.Treatments(false, List.of(new UrgentCarePlan.Treatment("Furosémide 40 mg", "1 cp le matin",
                "http://www.whocc.no/atc", "C03CA01")));
    }

    @Test
    void everyChangeIsANewVersionWithWhoAndWhyAndTheHistoryStaysWhole() {
        PlanVersion v1 = plans.edit(patient.id(), plan(penicillin(), furosemide()), "Plan établi en RCP avec le patient");
        UrgentCarePlan changed = plan(penicillin(), new UrgentCarePlan.Treatments(false, List.of(
                new UrgentCarePlan.Treatment("Furosémide 80 mg", "1 cp le matin", null, null))));
        PlanVersion v2 = plans.edit(patient.id(), changed, "Dose augmentée après la consultation du 24/11");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(plans.current(patient.id())).get().extracting(PlanVersion::plan).isEqualTo(changed);
        assertThat(plans.history(patient.id())).extracting(PlanVersion::version, PlanVersion::changedBy, PlanVersion::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "IDEC Test", "Dose augmentée après la consultation du 24/11"),
                org.assertj.core.groups.Tuple.tuple(1, "IDEC Test", "Plan établi en RCP avec le patient"));
        assertThat(plans.history(patient.id()).get(1).plan().treatments().items().get(0).name()).isEqualTo("Furosémide 40 mg");
        var agreement = plans.current(patient.id()).orElseThrow().plan().agreement();
        assertThat(agreement.participant()).isEqualTo(UrgentCarePlan.Participant.PATIENT);
        assertThat(agreement.agreed()).isTrue();
        assertThat(agreement.on()).isEqualTo(TODAY);
        assertThat(s.audit.forPatient(patient.id())).filteredOn(e -> e.action().equals("urgentcare.edit")).hasSize(2);
    }

    @Test
    void aContradictoryOrIncompletePlanIsRefusedAndNothingIsRecorded() {
        var both = new UrgentCarePlan.Allergies(true, penicillin().items());
        assertThatThrownBy(() -> plans.edit(patient.id(), plan(both, furosemide()), "x")).satisfies(reason("plan.allergiesContradict"));
        assertThatThrownBy(() -> plans.edit(patient.id(), plan(null, furosemide()), "x")).satisfies(reason("plan.allergiesMissing"));
        UrgentCarePlan undecided = new UrgentCarePlan(null, null, penicillin(), furosemide(), null,
                new UrgentCarePlan.Resuscitation(UrgentCarePlan.ResuscitationStatus.DO_NOT_RESUSCITATE, null, null, null), null, null,
                List.of(), null, null, List.of(), TODAY, null);
        assertThatThrownBy(() -> plans.edit(patient.id(), undecided, "x")).satisfies(reason("plan.decisionWho"));
        assertThatThrownBy(() -> plans.edit(patient.id(), plan(penicillin(), furosemide()), " ")).satisfies(reason("reason.missing"));
        assertThatThrownBy(() -> UrgentCarePlanJson.parseEdit("plan.json", "{\"plan\": {\"allergie\": {}}, \"reason\": \"x\"}"))
                .satisfies(reason("plan.unknownField")).hasMessageContaining("allergie");
        assertThat(plans.history(patient.id())).isEmpty();
    }

    @Test
    void thePlanIsQueuedForTheServerOnlyWhileThePatientConsentsToShareIt() {
        plans.edit(patient.id(), plan(penicillin(), furosemide()), "Plan établi");
        assertThat(s.core.outbox().isPending(UrgentCarePlanService.RECORD, patient.id())).as("no consent yet").isFalse();

        var consent = s.core.consents().add(patient.id(), ConsentScope.EMERGENCY_PLAN_SHARING, "IDEC Test", TODAY);
        assertThat(s.core.outbox().isPending(UrgentCarePlanService.RECORD, patient.id())).as("consent given: share the plan").isTrue();
        assertThat(plans.shared(patient.id())).isTrue();

        var withdrawn = s.core.consents().withdraw(consent.id(), "Le patient ne souhaite plus que le SAMU y ait accès");
        assertThat(withdrawn.active()).isFalse();
        assertThat(withdrawn.withdrawnBy()).isEqualTo("IDEC Test");
        assertThat(plans.shared(patient.id())).isFalse();
        assertThat(s.core.consents().list(patient.id())).singleElement().satisfies(c -> assertThat(c.withdrawalReason()).contains("SAMU"));
        assertThatThrownBy(() -> s.core.consents().withdraw(consent.id(), "encore")).satisfies(reason("consent.withdrawn"));
        assertThatThrownBy(() -> s.core.consents().add(patient.id(), ConsentScope.TELEMONITORING, "IDEC", TODAY.plusDays(1)))
                .satisfies(reason("consent.future"));
        assertThat(s.core.consents().sharesWithCareTeam(patient.id())).as("presumed until the patient objects").isTrue();
    }

    @Test
    void breakGlassNeedsAReasonAndIsRecordedForTheTeam() {
        plans.edit(patient.id(), plan(penicillin(), furosemide()), "Plan établi");
        assertThatThrownBy(() -> plans.openInEmergency(patient.id(), "")).satisfies(reason("plan.breakGlassReason"));
        var opened = plans.openInEmergency(patient.id(), "Appel SAMU : détresse respiratoire à domicile");
        assertThat(opened).get().extracting(v -> v.plan().allergies().items().get(0).substance()).isEqualTo("Pénicilline");
        assertThat(plans.breakGlassAccesses(patient.id())).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("IDEC Test");
            assertThat(a.reason()).contains("SAMU");
        });
        assertThat(s.audit.forPatient(patient.id())).anyMatch(e -> e.action().equals("urgentcare.break-glass"));
    }

    @Test
    void theHandOffAlwaysStatesAllergiesAndTreatmentsAndWhenTheyWereConfirmed() throws Exception {
        String none = handoffText();
        assertThat(none).contains("Fiche de liaison", "DURAND Marcel", "Allergies NON RENSEIGNÉES", "Traitements NON RENSEIGNÉS");

        plans.edit(patient.id(), plan(new UrgentCarePlan.Allergies(true, List.of()), new UrgentCarePlan.Treatments(true, List.of())), "Plan établi");
        String stated = handoffText();
        assertThat(stated).contains("Aucune allergie connue (déclaré).", "Aucun traitement en cours (déclaré).", "Données du plan confirmées le",
                "par IDEC Test (version 1)");

        plans.edit(patient.id(), plan(penicillin(), furosemide()), "Allergie découverte");
        Path file = dir.resolve("fiche.pdf");
        try (var out = Files.newOutputStream(file)) {
            s.core.handoffs().write(patient.id(), Language.FR, out);
        }
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("Pénicilline : œdème de Quincke", "Furosémide 40 mg — 1 cp le matin", "Pas de réanimation cardio-pulmonaire",
                    "Décision de Dr Jérôme BONNET le 20/11/2026", "Personne de confiance : Anne DURAND (fille)", "version 2");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(PreflightParser.validate(file.toFile()).isValid()).as("PDF/A-1b").isTrue();
        assertThat(s.audit.forPatient(patient.id())).anyMatch(e -> e.action().equals("patient.handoff"));
    }

    private String handoffText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.core.handoffs().write(patient.id(), Language.FR, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    private static org.assertj.core.api.ThrowingConsumer<Throwable> reason(String key) {
        return e -> assertThat(e).isInstanceOfSatisfying(BadInputException.class, bad -> assertThat(bad.reasonKey()).isEqualTo(key));
    }
}
