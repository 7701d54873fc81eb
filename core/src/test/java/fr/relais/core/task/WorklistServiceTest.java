package fr.relais.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.careteam.Profession;
import fr.relais.core.careteam.Professional;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WorklistServiceTest extends StoreTest {
    MutableClock clock;
    Patient jeanne;
    Patient paul;
    Professional idec;
    Professional ide;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-10T07:00:00Z"));
        openStore(clock);
        jeanne = register("DURAND", "Jeanne", Sex.F);
        paul = register("MARTIN", "Paul", Sex.M);
        idec = s.careTeam.addProfessional("ROUX", "Renée", Profession.INFIRMIER, null, null, null);
        ide = s.careTeam.addProfessional("VIDAL", "Sylvie", Profession.INFIRMIER, null, null, null);
        for (Patient p : List.of(jeanne, paul)) {
            s.careTeam.assign(p.id(), idec.id(), CareRole.IDEC, LocalDate.of(2026, 1, 1));
        }
        s.careTeam.assign(jeanne.id(), ide.id(), CareRole.IDE_LIBERALE, LocalDate.of(2026, 1, 1));
        // Jeanne: heart failure from 10 Nov; Paul: day surgery from 20 Nov.
        s.enrollments.enroll(jeanne.id(), "insuffisance-cardiaque-sortie", 1, LocalDate.of(2026, 11, 10));
        s.enrollments.enroll(paul.id(), "chirurgie-ambulatoire-raac", 1, LocalDate.of(2026, 11, 20));
        // Now: Tuesday 24 November 2026, 10:30 in Paris.
        clock.set(ZonedDateTime.of(2026, 11, 24, 10, 30, 0, 0, CareZone.PARIS).toInstant());
        s.enrollments.planAhead();
    }

    private Patient register(String family, String given, Sex sex) {
        return s.registerPatient(family, given, sex, LocalDate.of(1945, 3, 3), null);
    }

    private List<WorklistItem> query(WorklistQuery q) {
        return s.worklist.query(q, 0, 1000);
    }

    @Test
    void windowsCountsAndOrder() {
        Instant now = clock.instant();
        Instant tomorrow = ZonedDateTime.of(2026, 11, 25, 0, 0, 0, 0, CareZone.PARIS).toInstant();
        Instant weekEnd = ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, CareZone.PARIS).toInstant();

        List<WorklistItem> all = query(WorklistQuery.all());
        assertThat(all).isNotEmpty().allSatisfy(i -> {
            assertThat(i.task().status().isOpen()).isTrue();
            assertThat(i.task().role()).isNotEqualTo(CareRole.PATIENT);
        });
        // Sorted by priority, then due time.
        for (int i = 1; i < all.size(); i++) {
            Task a = all.get(i - 1).task();
            Task b = all.get(i).task();
            assertThat(a.priority().rank() < b.priority().rank()
                    || (a.priority() == b.priority() && !a.dueAt().isAfter(b.dueAt()))).isTrue();
        }
        List<WorklistItem> overdue = query(WorklistQuery.all().withDue(DueFilter.OVERDUE));
        List<WorklistItem> today = query(WorklistQuery.all().withDue(DueFilter.TODAY));
        List<WorklistItem> week = query(WorklistQuery.all().withDue(DueFilter.WEEK));
        assertThat(overdue).isNotEmpty().allSatisfy(i -> assertThat(i.task().dueAt()).isBefore(now));
        assertThat(today).allSatisfy(i -> assertThat(i.task().dueAt()).isBetween(now, tomorrow));
        assertThat(week).isNotEmpty().allSatisfy(i -> assertThat(i.task().dueAt()).isAfterOrEqualTo(now).isBefore(weekEnd));
        assertThat(week).containsAll(today);
        // The desktop's morning view: every overdue task, however old, and today's; nothing later.
        List<WorklistItem> morning = query(WorklistQuery.all().withDue(DueFilter.OVERDUE_AND_TODAY));
        assertThat(morning).hasSize(overdue.size() + today.size()).containsAll(overdue).containsAll(today);

        WorklistCounts counts = s.worklist.counts(WorklistQuery.all());
        assertThat(counts).isEqualTo(new WorklistCounts(overdue.size(), today.size(), week.size(), all.size()));
        assertThat(all).anySatisfy(i -> assertThat(i.patientName()).isEqualTo("DURAND Jeanne"));
    }

    @Test
    void filtersByAssigneeRoleQueuePathwayPriorityAndPatient() {
        assertThat(query(new WorklistQuery(DueFilter.ALL, ide.id(), null, false, null, null, null)))
                .isNotEmpty().allSatisfy(i -> assertThat(i.task().assigneeId()).isEqualTo(ide.id()));
        assertThat(query(new WorklistQuery(DueFilter.ALL, null, CareRole.IDEC, false, null, null, null)))
                .isNotEmpty().allSatisfy(i -> assertThat(i.task().role()).isEqualTo(CareRole.IDEC));
        // Paul has no IDE libérale: his wound check sits in the team queue.
        List<WorklistItem> queue = query(new WorklistQuery(DueFilter.ALL, null, CareRole.IDE_LIBERALE, true, null, null, null));
        assertThat(queue).isNotEmpty().allSatisfy(i -> {
            assertThat(i.task().assigneeId()).isNull();
            assertThat(i.task().patientId()).isEqualTo(paul.id());
        });
        assertThat(query(new WorklistQuery(DueFilter.ALL, null, null, false, "chirurgie-ambulatoire-raac", null, null)))
                .isNotEmpty().allSatisfy(i -> assertThat(i.task().templateId()).isEqualTo("chirurgie-ambulatoire-raac"));
        assertThat(query(new WorklistQuery(DueFilter.ALL, null, null, false, null, TaskPriority.URGENT, null)))
                .isNotEmpty().allSatisfy(i -> assertThat(i.task().priority()).isEqualTo(TaskPriority.URGENT));
        assertThat(query(new WorklistQuery(DueFilter.ALL, null, null, false, null, null, jeanne.id())))
                .isNotEmpty().allSatisfy(i -> assertThat(i.task().patientId()).isEqualTo(jeanne.id()));
        assertThat(query(new WorklistQuery(DueFilter.ALL, null, CareRole.PATIENT, false, null, null, jeanne.id())))
                .isNotEmpty().allSatisfy(i -> assertThat(i.task().kind()).isEqualTo("MEASURE"));
    }

    @Test
    void reassignPostponeAndCompleteMoveTasksBetweenFilters() {
        WorklistQuery queueQuery = new WorklistQuery(DueFilter.ALL, null, CareRole.IDE_LIBERALE, true, null, null, paul.id());
        Task queued = query(queueQuery).get(0).task();

        s.tasks.assign(queued.id(), ide.id(), "je passe demain");
        assertThat(query(queueQuery)).extracting(i -> i.task().id()).doesNotContain(queued.id());
        assertThat(query(new WorklistQuery(DueFilter.ALL, ide.id(), null, false, null, null, null)))
                .extracting(i -> i.task().id()).contains(queued.id());

        Instant nextWeek = clock.instant().plus(java.time.Duration.ofDays(10));
        assertThatThrownBy(() -> s.tasks.postpone(queued.id(), nextWeek, "")).isInstanceOf(BadInputException.class);
        Task postponed = s.tasks.postpone(queued.id(), nextWeek, "patiente absente");
        assertThat(postponed.dueAt()).isEqualTo(nextWeek);
        assertThat(query(WorklistQuery.all().withDue(DueFilter.WEEK))).extracting(i -> i.task().id()).doesNotContain(queued.id());

        s.tasks.complete(queued.id(), null, "cicatrice propre");
        assertThat(query(WorklistQuery.all())).extracting(i -> i.task().id()).doesNotContain(queued.id());
        assertThat(s.tasks.history(queued.id())).extracting(TaskEvent::change).containsExactly("CREATE", "ASSIGN", "POSTPONE", "STATUS");
    }

    @Test
    void statusesFollowTheFhirLifecycle() {
        Task task = query(new WorklistQuery(DueFilter.ALL, null, CareRole.IDEC, false, null, null, jeanne.id())).stream()
                .map(WorklistItem::task).filter(t -> t.stepId().equals("education-1")).findFirst().orElseThrow();
        assertThat(s.tasks.changeStatus(task.id(), TaskStatus.ACCEPTED, null).status()).isEqualTo(TaskStatus.ACCEPTED);
        assertThat(s.tasks.changeStatus(task.id(), TaskStatus.IN_PROGRESS, null).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(s.tasks.changeStatus(task.id(), TaskStatus.ON_HOLD, "attente résultat").status()).isEqualTo(TaskStatus.ON_HOLD);
        // Still open while on hold: it stays in the worklist.
        assertThat(query(WorklistQuery.all())).extracting(i -> i.task().id()).contains(task.id());
        assertThatThrownBy(() -> s.tasks.changeStatus(task.id(), TaskStatus.FAILED, null)).isInstanceOf(BadInputException.class);

        s.tasks.complete(task.id(), null, "fait");
        assertThatThrownBy(() -> s.tasks.changeStatus(task.id(), TaskStatus.IN_PROGRESS, null))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reasonKey()).isEqualTo("task.transition"));
        assertThat(s.tasks.changeStatus(task.id(), TaskStatus.ENTERED_IN_ERROR, "mauvais patient").status())
                .isEqualTo(TaskStatus.ENTERED_IN_ERROR);
        assertThat(s.tasks.history(task.id())).extracting(TaskEvent::to).containsExactly(TaskStatus.REQUESTED,
                TaskStatus.ACCEPTED, TaskStatus.IN_PROGRESS, TaskStatus.ON_HOLD, TaskStatus.COMPLETED, TaskStatus.ENTERED_IN_ERROR);
    }

    /** An open task of another system for {@code patient}, due at {@code due}, written as a sync stores one. */
    private Task foreignTask(Patient patient, TaskPriority priority, Instant due) {
        Task task = new Task(java.util.UUID.randomUUID(), null, patient.id(), null, Task.FOREIGN, 0, Task.FOREIGN, "Visite",
                "Visit", CareRole.IDEC, null, priority, TaskStatus.REQUESTED, null, due, null, null, null, clock.instant(), clock.instant());
        assertThat(new TaskRepository(s.database.dsl()).insertIfAbsent(task)).isTrue();
        return task;
    }

    /** Worklist order written out: priority, due time, then the id as the store keeps it (text). */
    private static List<java.util.UUID> inWorklistOrder(List<Task> tasks) {
        return tasks.stream().sorted(java.util.Comparator.comparingInt((Task t) -> t.priority().rank()).thenComparing(Task::dueAt)
                .thenComparing(t -> t.id().toString())).map(Task::id).toList();
    }

    /** Every page of {@code size} rows, each read after the last row of the one before. */
    private List<List<java.util.UUID>> pagesByKey(WorklistQuery q, int size, int pages) {
        List<List<java.util.UUID>> read = new java.util.ArrayList<>();
        WorklistKey after = null;
        for (int i = 0; i < pages; i++) {
            List<WorklistItem> page = s.worklist.query(q, after, size);
            read.add(page.stream().map(item -> item.task().id()).toList());
            if (page.isEmpty()) {
                break;
            }
            after = WorklistKey.after(page.get(page.size() - 1));
        }
        return read;
    }

    @Test
    void theWorklistsThousandthPageFollowsTheNineHundredNinetyNinthWithoutGapOrRepeat() {
        Patient leroy = register("LEROY", "Anne", Sex.F);
        Instant monday = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, CareZone.PARIS).toInstant();
        List<Task> tasks = new java.util.ArrayList<>();
        // 2,010 tasks on 40 due times and two priorities: fifty or so share each priority and due time.
        s.database.inTransaction(() -> {
            for (int i = 0; i < 2_010; i++) {
                tasks.add(foreignTask(leroy, i % 3 == 0 ? TaskPriority.URGENT : TaskPriority.ROUTINE,
                        monday.plus(java.time.Duration.ofMinutes(30L * (i % 40)))));
            }
            return null;
        });
        List<java.util.UUID> expected = inWorklistOrder(tasks);
        WorklistQuery hers = new WorklistQuery(DueFilter.ALL, null, null, false, null, null, leroy.id());

        List<List<java.util.UUID>> pages = pagesByKey(hers, 2, 1_006);

        assertThat(pages.get(998)).containsExactlyElementsOf(expected.subList(1_996, 1_998));
        assertThat(pages.get(999)).containsExactlyElementsOf(expected.subList(1_998, 2_000));
        assertThat(pages.stream().flatMap(List::stream).toList()).as("every task once, in order, to the last page")
                .containsExactlyElementsOf(expected);
        assertThat(pages.get(1_005)).as("past the last task, an empty page").isEmpty();
    }

    @Test
    void tasksDueAtTheSameTimeComeInTheSameOrderPageByPageAsInOneRead() {
        Patient leroy = register("LEROY", "Anne", Sex.F);
        Instant nine = ZonedDateTime.of(2026, 11, 24, 9, 0, 0, 0, CareZone.PARIS).toInstant();
        List<Task> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            tasks.add(foreignTask(leroy, TaskPriority.ROUTINE, nine));
        }
        WorklistQuery hers = new WorklistQuery(DueFilter.ALL, null, null, false, null, null, leroy.id());
        List<java.util.UUID> oneRead = s.worklist.query(hers, 0, 100).stream().map(i -> i.task().id()).toList();

        List<java.util.UUID> paged = pagesByKey(hers, 2, 10).stream().flatMap(List::stream).toList();

        assertThat(oneRead).containsExactlyElementsOf(inWorklistOrder(tasks));
        assertThat(paged).containsExactlyElementsOf(oneRead);
    }

    @Test
    void tasksAroundTheAutumnClockChangeComeInTimeOrderNotInClockFaceOrder() {
        Patient leroy = register("LEROY", "Anne", Sex.F);
        // Sunday 25 October 2026: at 03:00 summer time clocks go back to 02:00, so 02:15 winter time comes after
        // 02:45 summer time.
        java.time.ZoneOffset summer = java.time.ZoneOffset.ofHours(2);
        java.time.ZoneOffset winter = java.time.ZoneOffset.ofHours(1);
        java.time.LocalDate day = LocalDate.of(2026, 10, 25);
        Instant summer0150 = day.atTime(1, 50).toInstant(summer);
        Instant summer0230 = day.atTime(2, 30).toInstant(summer);
        Instant summer0245 = day.atTime(2, 45).toInstant(summer);
        Instant winter0215 = day.atTime(2, 15).toInstant(winter);
        Instant winter0310 = day.atTime(3, 10).toInstant(winter);
        for (Instant due : List.of(winter0310, winter0215, summer0245, summer0150, summer0230)) {
            foreignTask(leroy, TaskPriority.ROUTINE, due);
        }
        WorklistQuery hers = new WorklistQuery(DueFilter.ALL, null, null, false, null, null, leroy.id());

        List<List<java.util.UUID>> pages = pagesByKey(hers, 2, 4);

        List<Instant> dues = pages.stream().flatMap(List::stream).map(id -> s.tasks.get(id).dueAt()).toList();
        assertThat(dues).containsExactly(summer0150, summer0230, summer0245, winter0215, winter0310);
        assertThat(pages.get(1)).as("the page that crosses the change").hasSize(2);
    }
}
