package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.gui.worklist.WorklistRow;
import fr.relais.app.gui.worklist.WorklistViewModel;
import fr.relais.app.wording.Messages;
import fr.relais.core.RelaisCore;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The worklist ViewModel without the toolkit: windows and counts, start of day once, complete and postpone. */
class WorklistViewModelTest extends CoreStoreTest {
    WorklistViewModel model;
    AtomicInteger dayStarts = new AtomicInteger();

    @BeforeEach
    void setUp() {
        open(new Actor("idec", "IDEC", "poste"));
        var p = core.patients().register(new NewPatient(new StrictTraits("MARTIN", List.of("Claire"), Sex.F, LocalDate.of(1950, 3, 14),
                null), null, null, "P1", null, null, null)).patient();
        core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, LocalDate.now(CLOCK.withZone(CareZone.PARIS)).minusDays(3));
        model = new WorklistViewModel(RelaisApplication.worklistSources(core), () -> {
            dayStarts.incrementAndGet();
            core.startDay();
        }, new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR);
    }

    @Test
    void windowsCountsAndTheNursesActions() {
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();
        assertThat(dayStarts).hasValue(1);
        List<WorklistRow> all = List.copyOf(model.rowsProperty());
        assertThat(all).isNotEmpty();
        assertThat(all).allSatisfy(r -> assertThat(r.patient()).isEqualTo("MARTIN Claire"));
        assertThat(model.countsProperty().get()).endsWith(all.size() + " en tout");
        assertThat(all).anySatisfy(r -> assertThat(r.overdue()).isTrue());

        WorklistRow withOutcomes = all.stream().filter(r -> !r.outcomes().isEmpty()).findFirst().orElseThrow();
        model.complete(withOutcomes, null, "sans issue");
        assertThat(model.messageProperty().get()).contains("n'est pas une issue de cette étape");
        WorklistRow first = withOutcomes;
        model.complete(first, first.outcomes().get(0), "fait");
        assertThat(model.messageProperty().get()).isEqualTo("Réalisée : " + first.title() + " — MARTIN Claire");
        assertThat(model.rowsProperty()).extracting(WorklistRow::taskId).doesNotContain(first.taskId());
        assertThat(core.tasks().get(first.taskId()).note()).isEqualTo("fait");

        WorklistRow second = model.rowsProperty().get(0);
        model.postponeOneDay(second);
        assertThat(core.tasks().get(second.taskId()).dueAt().atZone(CareZone.PARIS).toLocalDate())
                .isEqualTo(LocalDate.now(CLOCK.withZone(CareZone.PARIS)).plusDays(1));

        // Filters: a role with no task empties the list; the pathway's own brings it back; the task can be handed over.
        model.dueProperty().set(DueFilter.ALL);
        model.roleProperty().set(fr.relais.core.careteam.CareRole.PHARMACIEN);
        assertThat(model.rowsProperty()).isEmpty();
        model.roleProperty().set(null);
        model.pathwayProperty().set("bpco-exacerbation");
        assertThat(model.rowsProperty()).isNotEmpty();
        model.loadChoices();
        assertThat(model.pathwaysProperty()).contains("bpco-exacerbation", "diabete-type-2");
        var nurse = core.careTeam().addProfessional("VIDAL", "Sylvie", fr.relais.core.careteam.Profession.INFIRMIER, null, null, null);
        core.careTeam().assign(model.rowsProperty().get(0).patientId(), nurse.id(), fr.relais.core.careteam.CareRole.IDE_LIBERALE,
                LocalDate.now(CLOCK.withZone(CareZone.PARIS)));
        WorklistRow handed = model.rowsProperty().get(0);
        model.loadAssignees(handed);
        assertThat(model.assigneesProperty()).singleElement().satisfies(a -> assertThat(a.label()).startsWith("Sylvie VIDAL"));
        model.reassign(handed, model.assigneesProperty().get(0), "");
        assertThat(core.tasks().get(handed.taskId()).assigneeId()).isEqualTo(nurse.id());
        assertThat(model.messageProperty().get()).startsWith("Réattribuée à Sylvie VIDAL").endsWith(handed.title() + " — MARTIN Claire");
        model.pathwayProperty().set(null);

        // Whose tasks: the nurse's own; and one patient, found as typed.
        model.loadChoices();
        model.assigneeProperty().set(model.professionalsProperty().stream().filter(a -> a.id().equals(nurse.id())).findFirst().orElseThrow());
        assertThat(model.rowsProperty()).extracting(WorklistRow::taskId).containsExactly(handed.taskId());
        model.assigneeProperty().set(null);
        int everyone = model.rowsProperty().size();
        model.filterByPatient("DUPONT");
        assertThat(model.messageProperty().get()).isEqualTo("Aucun patient ne correspond à « DUPONT »");
        assertThat(model.rowsProperty()).hasSize(everyone);
        var other = core.patients().register(new NewPatient(new StrictTraits("MARTINEZ", List.of("Paul"), Sex.M, LocalDate.of(1948, 1, 2),
                null), null, null, "P2", null, null, null)).patient();
        core.enrollments().enroll(other.id(), "bpco-exacerbation", 1, LocalDate.now(CLOCK.withZone(CareZone.PARIS)).minusDays(3));
        model.filterByPatient("MARTIN");
        assertThat(model.messageProperty().get()).startsWith("Plusieurs patients correspondent");
        model.filterByPatient("P2");
        assertThat(model.patientFilterProperty().get()).isEqualTo("MARTINEZ Paul");
        assertThat(model.rowsProperty()).isNotEmpty().allSatisfy(r -> assertThat(r.patientId()).isEqualTo(other.id()));
        model.filterByPatient(" ");
        assertThat(model.patientFilterProperty().get()).isEmpty();
        assertThat(model.rowsProperty()).anySatisfy(r -> assertThat(r.patientId()).isNotEqualTo(other.id()));

        model.dueProperty().set(DueFilter.OVERDUE);
        assertThat(model.rowsProperty()).allSatisfy(r -> assertThat(r.overdue()).isTrue());
        assertThat(dayStarts).as("the start of day runs once").hasValue(1);
    }

    @Test
    void theMorningWorklistOpensOnOverdueAndTodayAndShowsATaskFourWeeksLate() {
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();
        WorklistRow any = model.rowsProperty().get(0);
        java.time.Instant fourWeeksAgo = core.clock().instant().minus(Duration.ofDays(28));
        core.tasks().postpone(any.taskId(), fourWeeksAgo, "oubliée");
        WorklistViewModel morning = new WorklistViewModel(RelaisApplication.worklistSources(core), () -> { }, new DirectExecutor(),
                Localization.of(fr.relais.app.wording.Messages.BUNDLE, Language.FR), Language.FR);

        morning.refresh();

        assertThat(morning.dueProperty().get()).isEqualTo(DueFilter.OVERDUE_AND_TODAY);
        assertThat(morning.rowsProperty()).extracting(WorklistRow::taskId).contains(any.taskId());
        var counts = core.worklist().counts(WorklistQuery.all());
        assertThat(morning.rowsProperty()).as("every overdue task and every task of today, nothing later")
                .hasSize(counts.overdue() + counts.today());
    }

    @Test
    void aTaskFourWeeksLatePostponedByADayIsDueTomorrowAndADayInThePastIsRefused() {
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();
        WorklistRow row = model.rowsProperty().get(0);
        java.time.Instant fourWeeksAgo = core.clock().instant().minus(Duration.ofDays(28)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        core.tasks().postpone(row.taskId(), fourWeeksAgo, "oubliée");
        LocalDate today = LocalDate.now(CLOCK.withZone(CareZone.PARIS));

        model.postponeOneDay(row);

        var due = core.tasks().get(row.taskId()).dueAt();
        assertThat(due.atZone(CareZone.PARIS).toLocalDate()).isEqualTo(today.plusDays(1));
        assertThat(due.atZone(CareZone.PARIS).toLocalTime()).as("at the task's usual hour")
                .isEqualTo(fourWeeksAgo.atZone(CareZone.PARIS).toLocalTime());
        assertThat(model.messageProperty().get()).startsWith("Reportée au " + today.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                .as("the patient named: the row leaves today's list").endsWith(" — " + row.patient());

        model.postpone(row, today.plusDays(7));
        assertThat(core.tasks().get(row.taskId()).dueAt().atZone(CareZone.PARIS).toLocalDate()).isEqualTo(today.plusDays(7));

        model.postpone(row, today.minusDays(1));
        assertThat(model.messageProperty().get()).isEqualTo("Le " + today.minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " est déjà passé : choisissez aujourd'hui ou une date à venir pour reporter la tâche.");
        assertThat(core.tasks().get(row.taskId()).dueAt().atZone(CareZone.PARIS).toLocalDate()).as("unchanged").isEqualTo(today.plusDays(7));
    }

    @Test
    void aTaskFourWeeksLateSaysSoInWordsAndAnAssignedTaskNamesItsResponsible() {
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();
        WorklistRow late = model.rowsProperty().get(0);
        core.tasks().postpone(late.taskId(), core.clock().instant().minus(Duration.ofDays(28)).minus(Duration.ofHours(1)), "oubliée");
        var nurse = core.careTeam().addProfessional("VIDAL", "Sylvie", fr.relais.core.careteam.Profession.INFIRMIER, null, null, null);
        core.tasks().assign(late.taskId(), nurse.id(), "confiée");

        model.refresh();

        WorklistRow shown = model.rowsProperty().stream().filter(r -> r.taskId().equals(late.taskId())).findFirst().orElseThrow();
        assertThat(shown.overdue()).isTrue();
        assertThat(shown.late()).isEqualTo("En retard de 28 jours");
        assertThat(shown.assignee()).isEqualTo("Sylvie VIDAL");
        assertThat(model.rowsProperty()).filteredOn(r -> !r.overdue()).allSatisfy(r -> assertThat(r.late()).isEmpty());
        assertThat(model.rowsProperty()).filteredOn(r -> !r.taskId().equals(late.taskId()))
                .allSatisfy(r -> assertThat(r.assignee()).isEqualTo("file de l'équipe"));
    }

    @Test
    void theReviewOfARedSaturationAlertIsFlaggedUrgentBesideItsPriority() {
        var patient = core.patients().search("MARTIN", 1).get(0);
        core.measures().record(new fr.relais.core.measure.NewMeasure(patient.id(), "59408-5", "85", "%", null,
                fr.relais.core.measure.MeasureSource.DEVICE));
        model.dueProperty().set(DueFilter.ALL);

        model.refresh();

        assertThat(model.rowsProperty()).filteredOn(WorklistRow::urgent).isNotEmpty()
                .allSatisfy(r -> assertThat(r.priority()).isIn("immédiate", "dès que possible"));
        assertThat(model.rowsProperty()).filteredOn(r -> !r.urgent())
                .allSatisfy(r -> assertThat(r.priority()).isIn("urgente", "courante"));
    }

    /**
     * A demo store of 40 patients (generated once per JVM, copied: {@link DemoStore}), its whole worklist shown 10 rows
     * at a time.
     */
    private void showAllOfADemo() {
        core.close();
        core = RelaisCore.open(DemoStore.copyTo(dir.resolve("demo"), 40, 7), DemoStore.RUNNING, new UserSession(new Actor("idec", "IDEC", "poste")));
        model = new WorklistViewModel(RelaisApplication.worklistSources(core), core::startDay, new DirectExecutor(), Localization.of(Messages.BUNDLE, Language.FR), Language.FR, 10);
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();
    }

    @Test
    void aLongWorklistIsReadPageByPageAsTheNurseScrollsWithEveryTaskOnce() {
        showAllOfADemo();
        int total = core.worklist().query(WorklistQuery.all(), 0, 100_000).size();
        assertThat(total).as("enough tasks for several pages").isGreaterThan(3 * 10);
        assertThat(model.rowsProperty()).hasSize(10);
        assertThat(model.moreAvailableProperty().get()).isTrue();
        for (int page = 0; page < 100 && model.rowsProperty().size() < total; page++) {
            model.loadMore();
        }
        assertThat(model.rowsProperty()).hasSize(total);
        assertThat(model.rowsProperty().stream().map(WorklistRow::taskId).distinct().count()).isEqualTo(total);
        model.loadMore();
        assertThat(model.rowsProperty()).as("past the last page nothing more is read").hasSize(total);
        assertThat(model.moreAvailableProperty().get()).isFalse();
        model.refresh();
        assertThat(model.rowsProperty()).as("a new query starts again at the first page").hasSize(10);
    }

    @Test
    void aTaskClosedElsewhereWhileTheNurseScrollsSkipsNoOtherTask() {
        showAllOfADemo();
        List<java.util.UUID> firstPage = model.rowsProperty().stream().map(WorklistRow::taskId).toList();
        List<java.util.UUID> before = core.worklist().query(WorklistQuery.all(), 0, 100_000).stream().map(i -> i.task().id()).toList();
        assertThat(before.size()).as("more than two pages").isGreaterThan(20);

        // Another workstation's sync closes the first task shown: by row count, the next page would start one row late.
        core.tasks().complete(firstPage.get(0), null, "fait au cabinet");
        model.loadMore();

        List<java.util.UUID> open = core.worklist().query(WorklistQuery.all(), 0, 100_000).stream().map(i -> i.task().id()).toList();
        int lastShown = open.indexOf(firstPage.get(9));
        List<java.util.UUID> expected = new java.util.ArrayList<>(firstPage);
        expected.addAll(open.subList(lastShown + 1, lastShown + 11));
        assertThat(model.rowsProperty()).extracting(WorklistRow::taskId).containsExactlyElementsOf(expected)
                .contains(before.get(10));
    }

    @Test
    void aHospitalTaskDueOnADayShowsTheDayWithoutTheTwentyThreeFiftyNineItIsDueUntil() {
        var patient = core.patients().search("MARTIN", 1).get(0);
        java.time.LocalDate day = core.clock().instant().atZone(fr.relais.core.time.CareZone.PARIS).toLocalDate().plusDays(2);
        var hospitalTask = new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, patient.id(), null, fr.relais.core.task.Task.FOREIGN, 0,
                fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                fr.relais.core.task.TaskPriority.ROUTINE, fr.relais.core.task.TaskStatus.REQUESTED, null,
                fr.relais.core.time.CareZone.lastMinuteOf(day), null, null, null, core.clock().instant(), core.clock().instant());
        core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> core.tasks().applySynced(hospitalTask, "Task/4012/_history/1")));
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();

        WorklistRow row = model.rowsProperty().stream().filter(r -> r.taskId().equals(hospitalTask.id())).findFirst().orElseThrow();
        assertThat(row.due()).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy").format(day));
        assertThat(row.overdue()).isFalse();
        // Relais' own tasks keep their time, 23:59 included.
        assertThat(model.rowsProperty().stream().filter(r -> !r.taskId().equals(hospitalTask.id())).map(WorklistRow::due))
                .allMatch(due -> due.matches("\\d\\d/\\d\\d \\d\\d:\\d\\d"));
    }

    @Test
    void aHospitalTaskShowsOutsideRelaisPathwaysAndIsCompletedForTheServer() {
        var patient = core.patients().search("MARTIN", 1).get(0);
        java.time.Instant due = core.clock().instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var hospitalTask = new fr.relais.core.task.Task(java.util.UUID.randomUUID(), null, patient.id(), null, fr.relais.core.task.Task.FOREIGN, 0,
                fr.relais.core.task.Task.FOREIGN, "Bilan sanguin à J7", "Bilan sanguin à J7", fr.relais.core.careteam.CareRole.IDEC, null,
                fr.relais.core.task.TaskPriority.URGENT, fr.relais.core.task.TaskStatus.REQUESTED, null, due, null, null, null,
                core.clock().instant(), core.clock().instant());
        core.database().inTransaction(() -> fr.relais.core.replication.Outbox.suppressed(() -> core.tasks().applySynced(hospitalTask, "Task/4012/_history/1")));
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();

        WorklistRow row = model.rowsProperty().stream().filter(r -> r.taskId().equals(hospitalTask.id())).findFirst().orElseThrow();
        assertThat(row.title()).isEqualTo("Bilan sanguin à J7 (hors parcours Relais)");
        assertThat(row.outcomes()).isEmpty();
        model.complete(row, null, "prélèvement fait");

        assertThat(core.tasks().get(hospitalTask.id()).status()).isEqualTo(fr.relais.core.task.TaskStatus.COMPLETED);
        assertThat(core.outbox().isPending(fr.relais.core.task.TaskService.RECORD, hospitalTask.id())).isTrue();
    }

    @Test
    void aPatientInHospitalIsFlaggedOnHerWorklistRowsUntilHerDischarge() {
        HospitalSays.event(core, "P1", fr.relais.core.hospital.HospitalEventType.A01, "MSG1", "2026-12-03T13:20:00Z", "CARDIO / 12 / 1");
        model.dueProperty().set(DueFilter.ALL);
        model.refresh();
        assertThat(model.rowsProperty()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.inHospital()).isEqualTo("À l'hôpital depuis le 03/12"));

        HospitalSays.event(core, "P1", fr.relais.core.hospital.HospitalEventType.A03, "MSG2", "2026-12-06T09:00:00Z", "CARDIO / 12 / 1");
        model.refresh();
        assertThat(model.rowsProperty()).isNotEmpty().allSatisfy(r -> assertThat(r.inHospital()).isEmpty());
    }
}
