package fr.relais.core.task;

import static fr.relais.core.store.schema.Tables.PATIENT;
import static fr.relais.core.store.schema.Tables.TASK;

import fr.relais.core.careteam.CareRole;
import fr.relais.core.time.CareZone;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The morning worklist: open tasks sorted by priority then due time, with counts per window for badges. Each query
 * runs on an index of {@code task} that starts with its most selective filter.
 */
public final class WorklistService {
    /**
     * Team badge counts read the partial covering index alone. SQLite's planner otherwise prefers the assignee or
     * pathway index, which also holds the patients' own tasks: ten times slower at 10,000 patients.
     */
    private static final org.jooq.Table<?> TEAM_COUNTS = DSL.table("{0} INDEXED BY task_team_open_due", TASK);

    private final DSLContext dsl;
    private final Clock clock;

    public WorklistService(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * The page after {@code after} (the first page when null), {@code limit} rows in worklist order: priority, due
     * time, then task id, a total order, so that consecutive pages neither repeat nor skip a row. The query seeks the
     * key in an index of that order (migration V54): any page costs about the same, however deep.
     */
    public List<WorklistItem> query(WorklistQuery query, WorklistKey after, int limit) {
        Window window = Window.at(clock.instant());
        return select(query, window).and(after == null ? DSL.noCondition() : after(after))
                .orderBy(TASK.PRIORITY_RANK, TASK.DUE_AT, TASK.ID)
                .limit(limit)
                .fetch(this::toItem);
    }

    /**
     * The page at a row number: the same rows as {@link #query(WorklistQuery, WorklistKey, int)}, but SQLite steps
     * over every row before {@code offset}, so a deep page costs in proportion to its depth. For a jump to a row
     * number; the benchmarks time it beside the keyset page (docs/benchmarks.md).
     */
    public List<WorklistItem> query(WorklistQuery query, int offset, int limit) {
        Window window = Window.at(clock.instant());
        return select(query, window)
                .orderBy(TASK.PRIORITY_RANK, TASK.DUE_AT, TASK.ID)
                .limit(limit).offset(offset)
                .fetch(this::toItem);
    }

    private org.jooq.SelectConditionStep<Record> select(WorklistQuery query, Window window) {
        return dsl.select(TASK.fields()).select(PATIENT.BIRTH_FAMILY_NAME, PATIENT.USED_FAMILY_NAME, PATIENT.USED_GIVEN_NAME, PATIENT.BIRTH_GIVEN_NAMES)
                .from(TASK).join(PATIENT).on(PATIENT.ID.eq(TASK.PATIENT_ID))
                .where(filters(query)).and(due(query.due(), window));
    }

    /**
     * Rows after the key, written as one row-value comparison: SQLite seeks it in a (priority_rank, due_at, id) index,
     * whereas the equivalent OR of comparisons (what jOOQ's seek emulation writes) only seeks the priority and then
     * steps through every row of it. Due times compare as the stored UTC text (InstantText), which is time order
     * across a change of French time.
     */
    private static Condition after(WorklistKey key) {
        return DSL.condition("({0}, {1}, {2}) > ({3}, {4}, {5})", TASK.PRIORITY_RANK, TASK.DUE_AT, TASK.ID,
                DSL.val(key.priorityRank(), TASK.PRIORITY_RANK), DSL.val(key.dueAt(), TASK.DUE_AT), DSL.val(key.taskId(), TASK.ID));
    }

    public WorklistCounts counts(WorklistQuery query) {
        Window window = Window.at(clock.instant());
        Record r = dsl.select(
                        DSL.sum(DSL.when(due(DueFilter.OVERDUE, window), 1).otherwise(0)),
                        DSL.sum(DSL.when(due(DueFilter.TODAY, window), 1).otherwise(0)),
                        DSL.sum(DSL.when(due(DueFilter.WEEK, window), 1).otherwise(0)),
                        DSL.count())
                .from(query.role() == null && query.patientId() == null ? TEAM_COUNTS : TASK).where(filters(query)).fetchOne();
        return new WorklistCounts(intOf(r.get(0)), intOf(r.get(1)), intOf(r.get(2)), intOf(r.get(3)));
    }

    private static int intOf(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Condition filters(WorklistQuery q) {
        List<Condition> conditions = new ArrayList<>();
        // Literals, not bound values: SQLite only uses the partial team indexes (migration V4) when the query spells
        // their exact terms.
        conditions.add(TASK.IS_OPEN.eq(DSL.inline(1)));
        if (q.assigneeId() != null) {
            conditions.add(TASK.ASSIGNEE_ID.eq(q.assigneeId()));
        }
        if (q.role() != null) {
            conditions.add(TASK.ROLE.eq(q.role().name()));
        } else {
            conditions.add(TASK.ROLE.ne(DSL.inline(CareRole.PATIENT.name())));
        }
        if (q.teamQueue()) {
            conditions.add(TASK.ASSIGNEE_ID.isNull());
        }
        if (q.pathwayId() != null) {
            conditions.add(TASK.TEMPLATE_ID.eq(q.pathwayId()));
        }
        if (q.priority() != null) {
            conditions.add(TASK.PRIORITY_RANK.eq(q.priority().rank()));
        }
        if (q.patientId() != null) {
            conditions.add(TASK.PATIENT_ID.eq(q.patientId()));
        }
        // A patient another system records as deceased: their open tasks are suspended, not due (kept as they are,
        // for the record and for a person to close the pathway; docs/sync.md).
        conditions.add(TASK.PATIENT_ID.notIn(DSL.select(fr.relais.core.store.schema.Tables.PATIENT_DECEASED.PATIENT_ID)
                .from(fr.relais.core.store.schema.Tables.PATIENT_DECEASED)));
        return DSL.and(conditions);
    }

    private static Condition due(DueFilter filter, Window w) {
        return switch (filter) {
            case OVERDUE_AND_TODAY -> TASK.DUE_AT.lt(w.tomorrow);
            case OVERDUE -> TASK.DUE_AT.lt(w.now);
            case TODAY -> TASK.DUE_AT.ge(w.now).and(TASK.DUE_AT.lt(w.tomorrow));
            case WEEK -> TASK.DUE_AT.ge(w.now).and(TASK.DUE_AT.lt(w.weekEnd));
            case ALL -> DSL.trueCondition();
        };
    }

    private WorklistItem toItem(Record r) {
        Task task = TaskRepository.toTask(r.into(TASK));
        String family = r.get(PATIENT.USED_FAMILY_NAME) != null ? r.get(PATIENT.USED_FAMILY_NAME) : r.get(PATIENT.BIRTH_FAMILY_NAME);
        String given = r.get(PATIENT.USED_GIVEN_NAME) != null ? r.get(PATIENT.USED_GIVEN_NAME) : r.get(PATIENT.BIRTH_GIVEN_NAMES).split(" ")[0];
        return new WorklistItem(task, fr.relais.core.identity.Patient.displayName(family, given));
    }

    /** The window boundaries: now, next Paris midnight, Paris midnight 7 days from today. */
    private record Window(Instant now, Instant tomorrow, Instant weekEnd) {
        static Window at(Instant now) {
            LocalDate today = now.atZone(CareZone.PARIS).toLocalDate();
            return new Window(now,
                    today.plusDays(1).atStartOfDay(CareZone.PARIS).toInstant(),
                    today.plusDays(7).atStartOfDay(CareZone.PARIS).toInstant());
        }
    }
}
