package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.app.gui.patients.PatientFileViewModel;
import fr.relais.app.gui.patients.PatientListViewModel;
import fr.relais.app.gui.patients.PatientRow;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The patient ViewModels without the JavaFX toolkit: plain properties, synchronous executor, real store. */
class PatientListViewModelTest {
    @TempDir
    Path dir;
    RelaisCore services;
    static final Clock CLOCK = DemoStore.CLOCK;
    final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);

    @BeforeEach
    void open() {
        services = RelaisCore.open(DemoStore.copyTo(dir), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")));
    }

    @AfterEach
    void close() {
        services.close();
    }

    @Test
    void listsThenFiltersAsTheSearchTextChanges() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        assertThat(list.rows()).hasSize(25);
        assertThat(list.summaryProperty().get()).isEqualTo("25 patients affichés");
        assertThat(list.rows()).allSatisfy(row -> assertThat(row.birthDate()).matches("\\d{2}/\\d{2}/\\d{4}"));

        list.searchTextProperty().set("DEMO000007");
        assertThat(list.rows()).singleElement().satisfies(row -> assertThat(row.ipp()).isEqualTo("DEMO000007"));

        list.searchTextProperty().set("zzzz");
        assertThat(list.rows()).isEmpty();
        assertThat(list.summaryProperty().get()).isEqualTo("Aucun patient ne correspond à la recherche.");
        assertThat(list.loadingProperty().get()).isFalse();
    }

    @Test
    void aCoordinationOfMoreThanFiveHundredPatientsSaysHowManyTheListLeavesOutAndToNarrowTheSearch() {
        try (RelaisCore big = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("big.db")), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")))) {
            // 520 patients on record, with nothing else: the list's page is 500.
            big.database().inTransaction(() -> {
                for (int i = 1; i <= 520; i++) {
                    big.patients().register(new fr.relais.core.identity.NewPatient(new fr.relais.core.identity.StrictTraits("PATIENT",
                            java.util.List.of("Jeanne" + letters(i)), fr.relais.core.identity.Sex.F, java.time.LocalDate.of(1940, 1, 1).plusDays(i), null),
                            null, null, String.format("DEMO%06d", i), null, null, null));
                }
                return null;
            });
            PatientListViewModel list = new PatientListViewModel(big.patients(), big.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
            list.refresh();
            assertThat(list.rows()).hasSize(500);
            // French groups thousands with a narrow no-break space; 520 has none to group.
            assertThat(list.summaryProperty().get()).isEqualTo("500 sur 520, affinez la recherche");

            list.searchTextProperty().set("DEMO00001");
            assertThat(list.summaryProperty().get()).as("a search that fits on the page").isEqualTo("10 patients affichés");
        }
    }

    /** A name may hold only letters: 1 → "b", 27 → "bb". */
    private static String letters(int n) {
        StringBuilder word = new StringBuilder();
        for (int i = n; i > 0; i /= 26) {
            word.append((char) ('a' + i % 26));
        }
        return word.toString();
    }

    @Test
    void thePatientFileShowsTheIdentityBannerAndCareTeam() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        PatientRow row = list.rows().get(0);
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(), services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts,
                fr.relais.core.i18n.Language.FR, CLOCK);
        assertThat(file.presentProperty().get()).isFalse();

        file.show(row.id());
        assertThat(file.presentProperty().get()).isTrue();
        assertThat(file.nameProperty().get()).isEqualTo(row.name());
        assertThat(file.statusProperty().get()).isEqualTo(row.status());
        assertThat(file.statusLabelProperty().get()).startsWith("Identité ");
        assertThat(file.careTeamLinesProperty()).anySatisfy(line -> assertThat(line).startsWith("IDE de coordination : "));
        if (row.status() == IdentityStatus.QUAL || row.status() == IdentityStatus.RECUP) {
            assertThat(file.insTextProperty().get()).startsWith("INS ");
        }
        file.show(null);
        assertThat(file.presentProperty().get()).isFalse();
    }

    @Test
    void theAccessTabReadsTheTrailOnlyOnceTheNursesOpeningIsRecorded() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        PatientRow row = list.rows().get(0);
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(), services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts,
                fr.relais.core.i18n.Language.FR, CLOCK);
        java.util.List<String> latestWhenTold = new java.util.ArrayList<>();
        file.whenOpened(id -> {
            var trail = services.audit().forPatient(id);
            latestWhenTold.add(trail.get(trail.size() - 1).action());
        });

        file.show(row.id());
        file.show(row.id());

        // Each opening is told after it is in the trail: the tab lists the consultation just made, never the one before.
        assertThat(latestWhenTold).containsExactly("patient.read", "patient.read");
        assertThat(services.audit().forPatient(row.id())).filteredOn(e -> e.action().equals("patient.read")).hasSize(2);
    }

    @Test
    void thePatientFileShowsTheHospitalsCarerAndTasksOutsideRelaisPathways() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        PatientRow row = list.rows().get(0);
        Instant due = Instant.parse("2026-11-24T14:00:00Z");
        var hospitalTask = new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, row.id(), null, fr.relais.core.task.Task.FOREIGN, 0,
                fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                fr.relais.core.task.TaskPriority.ROUTINE, fr.relais.core.task.TaskStatus.REQUESTED, null, due, null, null, null,
                CLOCK.instant(), CLOCK.instant());
        services.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            services.tasks().applySynced(hospitalTask, "Task/4012/_history/1");
            services.careTeam().applySyncedOthers(row.id(), java.util.List.of(
                    new fr.relais.core.careteam.OtherParticipant("RelatedPerson", "KERBRAT Yann (fils)", "Aidant principal", null, null),
                    new fr.relais.core.careteam.OtherParticipant("Organization", "HAD Pays de Brest", null, null, java.time.LocalDate.of(2026, 11, 1))),
                    "CareTeam/77/_history/1");
            services.foreignResponses().applySynced(new fr.relais.core.questionnaire.ForeignResponse(java.util.UUID.randomUUID(), row.id(),
                    "https://hopital-exemple.fr/fhir/Questionnaire/braden|2.0", Instant.parse("2026-11-23T09:15:00Z"), "IDE service de cardiologie",
                    "completed", java.util.List.of(new fr.relais.core.questionnaire.ForeignResponse.Answer("Perception sensorielle", "3"),
                            new fr.relais.core.questionnaire.ForeignResponse.Answer("Alitement", "true"))), "QuestionnaireResponse/90/_history/1");
            return null;
        }));
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(), services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts,
                Language.FR, CLOCK);

        file.show(row.id());

        assertThat(file.careTeamLinesProperty()).contains("Aidant principal : KERBRAT Yann (fils) (proche, hors Relais)");
        assertThat(file.careTeamLinesProperty()).noneMatch(line -> line.contains("HAD Pays de Brest")); // ended on 1 November
        assertThat(file.foreignTaskLinesProperty()).containsExactly("24/11/2026 15:00 · Bilan sanguin à J7 · à faire");
        assertThat(file.foreignResponseLinesProperty()).containsExactly(
                "23/11/2026 10:15 · questionnaire « braden » · IDE service de cardiologie",
                "    Perception sensorielle : 3",
                "    Alitement : oui");
    }

    @Test
    void thePatientFileShowsTheHospitalsCodedDaughterAndHerHospiceRoleInFrench() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        PatientRow row = list.rows().get(0);
        java.util.UUID daughter = java.util.UUID.randomUUID();
        services.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            services.relatives().applySynced(daughter, row.id(), "LE GOFF Anne",
                    new fr.relais.core.careteam.Coded("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "DAU", "Daughter"), "RelatedPerson/78/_history/1");
            return services.careTeam().applySyncedOthers(row.id(), java.util.List.of(
                    new fr.relais.core.careteam.OtherParticipant("RelatedPerson", "LE GOFF Anne", "Hospice care", null, null, null,
                            new fr.relais.core.careteam.Coded("http://snomed.info/sct", "385763009", "Hospice care"), daughter, null)),
                    "CareTeam/77/_history/1");
        }));
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(), services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts,
                Language.FR, CLOCK);

        file.show(row.id());

        assertThat(file.careTeamLinesProperty()).contains("Soins palliatifs : LE GOFF Anne (fille, hors Relais)")
                .noneMatch(line -> line.contains("Daughter") || line.contains("Hospice"));
    }

    @Test
    void thePatientFileShowsTheHospitalsDischargePlanInWordsWithTheTaskBasedOnIt() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        PatientRow row = list.rows().get(0);
        var hospitalTask = new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, row.id(), null, fr.relais.core.task.Task.FOREIGN, 0,
                fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                fr.relais.core.task.TaskPriority.ROUTINE, fr.relais.core.task.TaskStatus.REQUESTED, null, Instant.parse("2026-11-24T14:00:00Z"),
                null, null, null, CLOCK.instant(), CLOCK.instant());
        var plan = new fr.relais.core.pathway.ForeignCarePlan(java.util.UUID.randomUUID(), row.id(), "Retour à domicile après décompensation cardiaque",
                "active", java.time.LocalDate.of(2026, 11, 20), java.time.LocalDate.of(2026, 12, 20), "Dr Le Bris, cardiologie, CHU Exemple",
                java.util.List.of(new fr.relais.core.pathway.ForeignCarePlan.Activity("Pesée chaque matin à jeun", "in-progress"),
                        new fr.relais.core.pathway.ForeignCarePlan.Activity("Consultation de cardiologie à un mois", null),
                        new fr.relais.core.pathway.ForeignCarePlan.Activity("Régime hyposodé", "a-code-from-elsewhere")),
                java.util.List.of());
        int queued = services.outbox().count();
        services.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            services.tasks().applySynced(hospitalTask, "Task/4012/_history/1");
            services.foreignCarePlans().applySynced(plan, "CarePlan/4010/_history/1");
            services.foreignCarePlans().basedOn(hospitalTask.id(), plan.id());
            return null;
        }));
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(),
                services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts, Language.FR, CLOCK);

        file.show(row.id());

        assertThat(file.foreignCarePlanLinesProperty()).containsExactly(
                "Plan de soins hors parcours Relais « Retour à domicile après décompensation cardiaque » · en cours · du 20/11/2026 au 20/12/2026"
                        + " · Dr Le Bris, cardiologie, CHU Exemple",
                "    Pesée chaque matin à jeun (en cours)",
                "    Consultation de cardiologie à un mois",
                "    Régime hyposodé (statut non précisé)",
                "    Tâche : 24/11/2026 15:00 · Bilan sanguin à J7 · à faire");
        assertThat(services.outbox().count()).as("showing the plan sends nothing").isEqualTo(queued);
    }

    @Test
    void thePatientFileShowsABirthYearOnlyTheOrganizationAndAWeightSentAsTextAsReceived() {
        var ehpad = java.util.UUID.randomUUID();
        var received = new fr.relais.core.identity.Patient(java.util.UUID.randomUUID(), new fr.relais.core.identity.StrictTraits("BENALI",
                java.util.List.of("Fatima", "Zohra"), fr.relais.core.identity.Sex.F, java.time.LocalDate.of(1939, 1, 1), null,
                fr.relais.core.identity.BirthDatePrecision.YEAR), null, null, "EH-1939-77", null, fr.relais.core.identity.IdentityStatus.PROV,
                new fr.relais.core.identity.IdentityEvidence(fr.relais.core.identity.InsSource.SM, null), null, null, null);
        services.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            services.patients().applySynced(received, "Patient/1001/_history/1");
            services.organizations().applySynced(ehpad, "EHPAD Les Glycines", "Organization/3003/_history/1");
            services.organizations().attachPatient(received.id(), ehpad);
            services.deaths().applySynced(received.id(), true, java.time.LocalDate.of(2026, 12, 3));
            services.textMeasures().applySynced(new fr.relais.core.measure.TextMeasure(java.util.UUID.randomUUID(), received.id(),
                    fr.relais.core.measure.MeasureCatalog.BODY_WEIGHT, "environ 58 kg", Instant.parse("2026-11-23T07:30:00Z"), "final"),
                    "Observation/2002/_history/1");
            return null;
        }));
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(),
                services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts, Language.FR, CLOCK);

        file.show(received.id());

        assertThat(file.bornProperty().get()).startsWith("Née en 1939, date de naissance incomplète (environ ").endsWith("ans) · femme").doesNotContain("01/01");
        assertThat(file.organizationTextProperty().get()).isEqualTo("Structure de rattachement : EHPAD Les Glycines");
        assertThat(file.deceasedTextProperty().get()).isEqualTo("Décédée le 03/12/2026 (selon le dossier d'un autre système) : tâches suspendues");
        assertThat(file.textMeasureLinesProperty())
                .containsExactly("23/11/2026 08:30 · Poids : valeur en texte : « environ 58 kg », non interprétée");
    }

    @Test
    void aRecordTheHospitalMergedIntoAnotherSaysSoInTheBannerByTheSurvivorsNameNeverItsId() {
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();
        var survivor = services.patients().find(list.rows().get(0).id()).orElseThrow();
        var duplicate = received("EH-1939-77").withReplacedBy(survivor.id());
        var intoAbsent = received("EH-1939-78").withReplacedBy(java.util.UUID.randomUUID());
        services.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> {
            services.patients().applySynced(duplicate, "Patient/1001/_history/2");
            services.patients().applySynced(intoAbsent, "Patient/1002/_history/2");
            return null;
        }));
        PatientFileViewModel file = new PatientFileViewModel(services.patients(), services.careTeam(), services.tasks(), services.foreignResponses(),
                services.foreignCarePlans(), services.textMeasures(), services.organizations(), services.deaths(), new DirectExecutor(), texts, Language.FR, CLOCK);

        file.show(duplicate.id());
        assertThat(file.mergedTextProperty().get()).isEqualTo("Dossier fusionné dans le dossier de " + survivor.displayName()
                + " (fusion de doublons) : ce qui a été enregistré sur ce dossier-ci reste consultable ici");
        file.show(intoAbsent.id());
        assertThat(file.mergedTextProperty().get()).startsWith("Dossier fusionné dans un autre dossier, pas encore reçu sur ce poste")
                .doesNotContain(intoAbsent.replacedBy().toString());
        file.show(survivor.id());
        assertThat(file.mergedTextProperty().get()).as("the surviving record says nothing of it").isEmpty();
    }

    private static fr.relais.core.identity.Patient received(String ipp) {
        return new fr.relais.core.identity.Patient(java.util.UUID.randomUUID(), new fr.relais.core.identity.StrictTraits("BENALI",
                java.util.List.of("Fatima"), fr.relais.core.identity.Sex.F, java.time.LocalDate.of(1939, 4, 2), null,
                fr.relais.core.identity.BirthDatePrecision.DAY), null, null, ipp, null, fr.relais.core.identity.IdentityStatus.PROV,
                new fr.relais.core.identity.IdentityEvidence(fr.relais.core.identity.InsSource.SM, null), null, null, null);
    }

    @Test
    void onlyThePatientsNowInHospitalCarryTheBadgeWithTheirAdmissionDay() {
        HospitalSays.event(services, "DEMO000007", fr.relais.core.hospital.HospitalEventType.A01, "MSG1", "2026-11-21T13:20:00Z", "PNEUMO");
        PatientListViewModel list = new PatientListViewModel(services.patients(), services.hospitalEvents(), new DirectExecutor(), texts, CLOCK);
        list.refresh();

        // The demo store already holds three patients in hospital (DEMO000002, 5 and 8) and one discharged (DEMO000011),
        // who carries no badge.
        assertThat(list.rows()).filteredOn(r -> !r.inHospital().isEmpty()).extracting(PatientRow::ipp)
                .containsExactlyInAnyOrder("DEMO000002", "DEMO000005", "DEMO000007", "DEMO000008");
        assertThat(list.rows()).filteredOn(r -> r.ipp().equals("DEMO000007")).singleElement()
                .satisfies(r -> assertThat(r.inHospital()).isEqualTo("À l'hôpital depuis le 21/11"));
    }
}
