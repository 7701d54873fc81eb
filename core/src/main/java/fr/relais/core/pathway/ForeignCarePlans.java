package fr.relais.core.pathway;

import static fr.relais.core.store.schema.Tables.FOREIGN_CARE_PLAN;
import static fr.relais.core.store.schema.Tables.FOREIGN_CARE_PLAN_ACTIVITY;
import static fr.relais.core.store.schema.Tables.FOREIGN_TASK_CARE_PLAN;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.ReceivedRows;
import fr.relais.core.store.schema.tables.records.ForeignCarePlanActivityRecord;
import fr.relais.core.store.schema.tables.records.ForeignCarePlanRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * CarePlans of other systems received from the team server ({@link ForeignCarePlan}): kept for the patient file, never
 * changed here, never sent back; and which of the patient's foreign tasks each one is the basis of.
 */
public final class ForeignCarePlans {
    private final DSLContext dsl;
    private final AuditLog audit;
    private final UserSession session;
    private final ReceivedRows received;

    public ForeignCarePlans(DSLContext dsl, AuditLog audit, UserSession session) {
        this.dsl = dsl;
        this.audit = audit;
        this.session = session;
        this.received = new ReceivedRows(dsl);
    }

    /** Keeps a plan as the server holds it now (the caller's transaction); returns whether it was new here. */
    public boolean applySynced(ForeignCarePlan plan, String origin) {
        UUID id = plan.id();
        List<ForeignCarePlanActivityRecord> activities = new ArrayList<>();
        for (int i = 0; i < plan.activities().size(); i++) {
            activities.add(dsl.newRecord(FOREIGN_CARE_PLAN_ACTIVITY).with(FOREIGN_CARE_PLAN_ACTIVITY.CARE_PLAN_ID, id)
                    .with(FOREIGN_CARE_PLAN_ACTIVITY.POSITION, i)
                    .with(FOREIGN_CARE_PLAN_ACTIVITY.DESCRIPTION, plan.activities().get(i).description())
                    .with(FOREIGN_CARE_PLAN_ACTIVITY.STATUS, plan.activities().get(i).status()));
        }
        boolean isNew = received.replace(dsl.newRecord(FOREIGN_CARE_PLAN).with(FOREIGN_CARE_PLAN.ID, id)
                .with(FOREIGN_CARE_PLAN.PATIENT_ID, plan.patientId()).with(FOREIGN_CARE_PLAN.TITLE, plan.title())
                .with(FOREIGN_CARE_PLAN.STATUS, plan.status()).with(FOREIGN_CARE_PLAN.START_DATE, plan.start())
                .with(FOREIGN_CARE_PLAN.END_DATE, plan.end()).with(FOREIGN_CARE_PLAN.AUTHOR, plan.author()),
                FOREIGN_CARE_PLAN.ID, FOREIGN_CARE_PLAN_ACTIVITY.CARE_PLAN_ID, activities);
        audit.record("careplan.foreign.sync", "CarePlan", plan.id(), plan.patientId(), origin);
        return isNew;
    }

    /**
     * Records that another system's task is based on another system's plan (the plan's local id), or on none (null);
     * the caller's transaction.
     */
    public void basedOn(UUID taskId, UUID carePlanId) {
        received.relink(FOREIGN_TASK_CARE_PLAN.TASK_ID, taskId, FOREIGN_TASK_CARE_PLAN.CARE_PLAN_ID, carePlanId);
    }

    public Optional<ForeignCarePlan> find(UUID id) {
        return dsl.selectFrom(FOREIGN_CARE_PLAN).where(FOREIGN_CARE_PLAN.ID.eq(id)).fetchOptional().map(this::complete);
    }

    /** A patient's plans of other systems, the latest started first. */
    public List<ForeignCarePlan> ofPatient(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return dsl.selectFrom(FOREIGN_CARE_PLAN).where(FOREIGN_CARE_PLAN.PATIENT_ID.eq(patientId))
                .orderBy(FOREIGN_CARE_PLAN.START_DATE.desc().nullsLast(), FOREIGN_CARE_PLAN.ID).fetch(this::complete);
    }

    private ForeignCarePlan complete(ForeignCarePlanRecord r) {
        List<ForeignCarePlan.Activity> activities = dsl.selectFrom(FOREIGN_CARE_PLAN_ACTIVITY)
                .where(FOREIGN_CARE_PLAN_ACTIVITY.CARE_PLAN_ID.eq(r.getId())).orderBy(FOREIGN_CARE_PLAN_ACTIVITY.POSITION)
                .fetch(a -> new ForeignCarePlan.Activity(a.getDescription(), a.getStatus()));
        List<UUID> tasks = dsl.select(FOREIGN_TASK_CARE_PLAN.TASK_ID).from(FOREIGN_TASK_CARE_PLAN)
                .where(FOREIGN_TASK_CARE_PLAN.CARE_PLAN_ID.eq(r.getId())).orderBy(FOREIGN_TASK_CARE_PLAN.TASK_ID)
                .fetch(t -> t.value1());
        return new ForeignCarePlan(r.getId(), r.getPatientId(), r.getTitle(), r.getStatus(),
                r.getStartDate(), r.getEndDate(), r.getAuthor(), activities, tasks);
    }
}
