package fr.relais.core.pathway;

import static fr.relais.core.store.schema.Tables.FOREIGN_CARE_PLAN;
import static fr.relais.core.store.schema.Tables.FOREIGN_CARE_PLAN_ACTIVITY;
import static fr.relais.core.store.schema.Tables.FOREIGN_TASK_CARE_PLAN;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.schema.tables.records.ForeignCarePlanRecord;
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

    public ForeignCarePlans(DSLContext dsl, AuditLog audit, UserSession session) {
        this.dsl = dsl;
        this.audit = audit;
        this.session = session;
    }

    /** Keeps a plan as the server holds it now (the caller's transaction); returns whether it was new here. */
    public boolean applySynced(ForeignCarePlan plan, String origin) {
        boolean known = find(plan.id()).isPresent();
        UUID id = plan.id();
        dsl.deleteFrom(FOREIGN_CARE_PLAN_ACTIVITY).where(FOREIGN_CARE_PLAN_ACTIVITY.CARE_PLAN_ID.eq(id)).execute();
        dsl.deleteFrom(FOREIGN_CARE_PLAN).where(FOREIGN_CARE_PLAN.ID.eq(id)).execute();
        dsl.insertInto(FOREIGN_CARE_PLAN).set(FOREIGN_CARE_PLAN.ID, id).set(FOREIGN_CARE_PLAN.PATIENT_ID, plan.patientId())
                .set(FOREIGN_CARE_PLAN.TITLE, plan.title()).set(FOREIGN_CARE_PLAN.STATUS, plan.status())
                .set(FOREIGN_CARE_PLAN.START_DATE, plan.start()).set(FOREIGN_CARE_PLAN.END_DATE, plan.end())
                .set(FOREIGN_CARE_PLAN.AUTHOR, plan.author()).execute();
        for (int i = 0; i < plan.activities().size(); i++) {
            dsl.insertInto(FOREIGN_CARE_PLAN_ACTIVITY).set(FOREIGN_CARE_PLAN_ACTIVITY.CARE_PLAN_ID, id)
                    .set(FOREIGN_CARE_PLAN_ACTIVITY.POSITION, i)
                    .set(FOREIGN_CARE_PLAN_ACTIVITY.DESCRIPTION, plan.activities().get(i).description())
                    .set(FOREIGN_CARE_PLAN_ACTIVITY.STATUS, plan.activities().get(i).status()).execute();
        }
        audit.record("careplan.foreign.sync", "CarePlan", plan.id(), plan.patientId(), origin);
        return !known;
    }

    /**
     * Records that another system's task is based on another system's plan (the plan's local id), or on none (null);
     * the caller's transaction.
     */
    public void basedOn(UUID taskId, UUID carePlanId) {
        dsl.deleteFrom(FOREIGN_TASK_CARE_PLAN).where(FOREIGN_TASK_CARE_PLAN.TASK_ID.eq(taskId)).execute();
        if (carePlanId != null) {
            dsl.insertInto(FOREIGN_TASK_CARE_PLAN).set(FOREIGN_TASK_CARE_PLAN.TASK_ID, taskId)
                    .set(FOREIGN_TASK_CARE_PLAN.CARE_PLAN_ID, carePlanId).execute();
        }
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
