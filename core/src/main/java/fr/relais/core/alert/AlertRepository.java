package fr.relais.core.alert;

import static fr.relais.core.store.schema.Tables.ALERT;
import static fr.relais.core.store.schema.Tables.ALERT_EVENT;
import static fr.relais.core.store.schema.Tables.ALERT_MEASURE;
import static fr.relais.core.store.schema.Tables.ALERT_RESPONSE;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.store.RowIds;
import fr.relais.core.store.RowWriter;
import fr.relais.core.store.schema.tables.records.AlertRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Alerts, the measures behind them and their status history. */
public final class AlertRepository {
    private final DSLContext dsl;
    private final RowWriter<AlertRecord, Alert> rows;

    public AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.rows = new RowWriter<>(dsl, ALERT, ALERT.ID, Alert::id, AlertRepository::fill);
    }

    public void insert(Alert a) {
        rows.insert(a);
    }

    public void update(Alert a) {
        rows.update(a);
    }

    private static void fill(AlertRecord r, Alert a) {
        r.setId(a.id());
        r.setPatientId(a.patientId());
        r.setEnrollmentId(a.enrollmentId());
        r.setRuleId(a.ruleId());
        r.setCode(a.code());
        r.setKind(a.kind());
        r.setLevel(a.level().name());
        r.setStatus(a.status().name());
        r.setIsOpen(a.status().isOpen() ? 1 : 0);
        r.setExplanation(a.explanation());
        r.setOpenedAt(a.openedAt());
        r.setUpdatedAt(a.updatedAt());
        r.setStatusBy(a.statusBy());
        r.setStatusReason(a.statusReason());
        r.setEscalationStep(a.escalationStep());
        r.setEscalatedAt(a.escalatedAt());
    }

    private static Alert toAlert(AlertRecord r) {
        return new Alert(r.getId(), r.getPatientId(),
                r.getEnrollmentId(),
                r.getRuleId(), r.getCode(), r.getKind(), AlertLevel.valueOf(r.getLevel()), AlertStatus.valueOf(r.getStatus()),
                r.getExplanation(), r.getOpenedAt(), r.getUpdatedAt(), r.getStatusBy(),
                r.getStatusReason(), r.getEscalationStep(), r.getEscalatedAt());
    }

    public Optional<Alert> find(UUID id) {
        return dsl.selectFrom(ALERT).where(ALERT.ID.eq(id)).fetchOptional(AlertRepository::toAlert);
    }

    /**
     * The open alert of an enrollment's rule in one direction (the bound crossed, as its explanation names it; null for
     * a rule without direction): a hypoglycaemia and a hyperglycaemia of the same rule are two alerts.
     */
    public Optional<Alert> openFor(UUID enrollmentId, String ruleId, String direction) {
        return dsl.selectFrom(ALERT).where(ALERT.ENROLLMENT_ID.eq(enrollmentId).and(ALERT.RULE_ID.eq(ruleId))
                .and(ALERT.IS_OPEN.eq(1)).and(direction(direction))).fetchOptional(AlertRepository::toAlert);
    }

    private static org.jooq.Condition direction(String direction) {
        return direction == null ? ALERT.DIRECTION.isNull() : ALERT.DIRECTION.eq(direction);
    }

    /** "enrollmentId/ruleId" of every open enrollment-level alert: one read where a loop would ask per rule. */
    public java.util.Set<String> openRuleKeys() {
        return new java.util.HashSet<>(dsl.select(ALERT.ENROLLMENT_ID, ALERT.RULE_ID).from(ALERT)
                .where(ALERT.IS_OPEN.eq(1).and(ALERT.ENROLLMENT_ID.isNotNull())).fetch(r -> r.value1() + "/" + r.value2()));
    }

    /** The open patient-level alert (no enrollment) of a rule, in one direction as {@link #openFor} reads it. */
    public Optional<Alert> openForPatient(UUID patientId, String ruleId, String direction) {
        return dsl.selectFrom(ALERT).where(ALERT.PATIENT_ID.eq(patientId).and(ALERT.ENROLLMENT_ID.isNull())
                .and(ALERT.RULE_ID.eq(ruleId)).and(ALERT.IS_OPEN.eq(1)).and(direction(direction))).fetchOptional(AlertRepository::toAlert);
    }

    public void attachResponse(UUID alertId, UUID responseId, AlertLevel level) {
        dsl.insertInto(ALERT_RESPONSE).set(ALERT_RESPONSE.ALERT_ID, alertId)
                .set(ALERT_RESPONSE.RESPONSE_ID, responseId)
                .set(ALERT_RESPONSE.LEVEL, level.name()).onConflictDoNothing().execute();
    }

    public List<UUID> alertsOfResponse(UUID responseId) {
        return dsl.select(ALERT_RESPONSE.ALERT_ID).from(ALERT_RESPONSE).where(ALERT_RESPONSE.RESPONSE_ID.eq(responseId))
                .fetch(r -> r.value1());
    }

    public void detachResponse(UUID alertId, UUID responseId) {
        dsl.deleteFrom(ALERT_RESPONSE).where(ALERT_RESPONSE.ALERT_ID.eq(alertId)
                .and(ALERT_RESPONSE.RESPONSE_ID.eq(responseId))).execute();
    }

    /** The responses still behind an answer alert, in a stable order. */
    public List<UUID> responsesOf(UUID alertId) {
        return dsl.select(ALERT_RESPONSE.RESPONSE_ID).from(ALERT_RESPONSE).where(ALERT_RESPONSE.ALERT_ID.eq(alertId))
                .orderBy(ALERT_RESPONSE.RESPONSE_ID).fetch(r -> r.value1());
    }

    /** Levels of the responses still behind an answer alert. */
    public List<AlertLevel> remainingResponseLevels(UUID alertId) {
        return dsl.select(ALERT_RESPONSE.LEVEL).from(ALERT_RESPONSE).where(ALERT_RESPONSE.ALERT_ID.eq(alertId))
                .fetch(r -> AlertLevel.valueOf(r.value1()));
    }

    /** Every (measure, enrollment, rule) already behind an alert, for a full re-run that must not raise them twice. */
    public java.util.Set<String> raisedKeys() {
        java.util.Set<String> keys = new java.util.HashSet<>();
        dsl.select(ALERT_MEASURE.MEASURE_ID, ALERT.ENROLLMENT_ID, ALERT.RULE_ID).from(ALERT_MEASURE).join(ALERT)
                .on(ALERT.ID.eq(ALERT_MEASURE.ALERT_ID))
                .forEach(r -> keys.add(raisedKey(String.valueOf(r.value1()), String.valueOf(r.value2()), r.value3())));
        return keys;
    }

    static String raisedKey(String measureId, String enrollmentId, String ruleId) {
        return measureId + "|" + enrollmentId + "|" + ruleId;
    }

    /** Records when an alert took its current level (a level change re-plans its review and escalation clock). */
    public void levelChangedAt(UUID id, Instant at) {
        dsl.update(ALERT).set(ALERT.LEVEL_AT, at).where(ALERT.ID.eq(id)).execute();
    }

    /** When an alert took its current level; empty when it still has the level it was opened with. */
    public Optional<Instant> levelAt(UUID id) {
        return dsl.select(ALERT.LEVEL_AT).from(ALERT).where(ALERT.ID.eq(id)).fetchOptional(ALERT.LEVEL_AT);
    }

    /** Open alerts nobody acknowledged yet: the candidates for escalation. */
    public List<Alert> openUnacknowledged() {
        return dsl.selectFrom(ALERT).where(ALERT.STATUS.eq(AlertStatus.OPEN.name())).fetch(AlertRepository::toAlert);
    }

    /** Open alerts first by severity then age (oldest first), or every alert of a patient. */
    public List<Alert> list(boolean openOnly, UUID patientId) {
        var condition = openOnly ? ALERT.IS_OPEN.eq(1) : org.jooq.impl.DSL.trueCondition();
        if (patientId != null) {
            condition = condition.and(ALERT.PATIENT_ID.eq(patientId));
        }
        return dsl.selectFrom(ALERT).where(condition)
                .orderBy(ALERT.IS_OPEN.desc(), org.jooq.impl.DSL.when(ALERT.LEVEL.eq("RED"), 0).otherwise(1), ALERT.OPENED_AT)
                .fetch(AlertRepository::toAlert);
    }

    public boolean attach(UUID alertId, UUID measureId, AlertLevel level) {
        return dsl.insertInto(ALERT_MEASURE, ALERT_MEASURE.ALERT_ID, ALERT_MEASURE.MEASURE_ID, ALERT_MEASURE.LEVEL)
                .values(alertId, measureId, level.name()).onConflictDoNothing().execute() == 1;
    }

    /** Whether {@code measureId} is already behind an alert (open or closed) of this enrollment and rule. */
    public boolean alreadyRaised(UUID measureId, UUID enrollmentId, String ruleId) {
        return dsl.fetchExists(dsl.selectOne().from(ALERT_MEASURE).join(ALERT).on(ALERT.ID.eq(ALERT_MEASURE.ALERT_ID))
                .where(ALERT_MEASURE.MEASURE_ID.eq(measureId).and(ALERT.ENROLLMENT_ID.eq(enrollmentId))
                        .and(ALERT.RULE_ID.eq(ruleId))));
    }

    public void detach(UUID alertId, UUID measureId) {
        dsl.deleteFrom(ALERT_MEASURE).where(ALERT_MEASURE.ALERT_ID.eq(alertId).and(ALERT_MEASURE.MEASURE_ID.eq(measureId))).execute();
    }

    /** The measures of a patient that stand behind one of their alerts (to mark them on a chart). */
    public java.util.Set<UUID> measuresBehindAlerts(UUID patientId) {
        return new java.util.HashSet<>(dsl.select(ALERT_MEASURE.MEASURE_ID).from(ALERT_MEASURE).join(ALERT).on(ALERT.ID.eq(ALERT_MEASURE.ALERT_ID))
                .where(ALERT.PATIENT_ID.eq(patientId)).fetch(r -> r.value1()));
    }

    public List<UUID> measuresOf(UUID alertId) {
        return dsl.select(ALERT_MEASURE.MEASURE_ID).from(ALERT_MEASURE).where(ALERT_MEASURE.ALERT_ID.eq(alertId))
                .orderBy(ALERT_MEASURE.MEASURE_ID).fetch(r -> r.value1());
    }

    public List<UUID> alertsOfMeasure(UUID measureId) {
        return dsl.select(ALERT_MEASURE.ALERT_ID).from(ALERT_MEASURE).where(ALERT_MEASURE.MEASURE_ID.eq(measureId))
                .fetch(r -> r.value1());
    }

    /** The levels at which a measure stands behind alerts (one per alert it triggered or joined). */
    public List<AlertLevel> levelsOfMeasure(UUID measureId) {
        return dsl.select(ALERT_MEASURE.LEVEL).from(ALERT_MEASURE).where(ALERT_MEASURE.MEASURE_ID.eq(measureId))
                .fetch(r -> AlertLevel.valueOf(r.value1()));
    }

    /** Levels of the measures still behind an alert. */
    public List<AlertLevel> remainingLevels(UUID alertId) {
        return dsl.select(ALERT_MEASURE.LEVEL).from(ALERT_MEASURE).where(ALERT_MEASURE.ALERT_ID.eq(alertId))
                .fetch(r -> AlertLevel.valueOf(r.value1()));
    }

    /** The steps of an alert's history, oldest first. */
    public List<AlertStep> steps(UUID alertId) {
        return dsl.select(ALERT_EVENT.AT, ALERT_EVENT.ACTOR, ALERT_EVENT.TO_STATUS, ALERT_EVENT.LEVEL, ALERT_EVENT.REASON).from(ALERT_EVENT)
                .where(ALERT_EVENT.ALERT_ID.eq(alertId)).orderBy(ALERT_EVENT.AT, org.jooq.impl.DSL.field("rowid"))
                .fetch(r -> new AlertStep(r.value1(), r.value2(), AlertStatus.valueOf(r.value3()),
                        AlertLevel.valueOf(r.value4()), r.value5()));
    }

    public void insertEvent(UUID alertId, Instant at, String actor, AlertStatus from, AlertStatus to, AlertLevel level, String reason) {
        dsl.insertInto(ALERT_EVENT).set(ALERT_EVENT.ID, RowIds.next()).set(ALERT_EVENT.ALERT_ID, alertId)
                .set(ALERT_EVENT.AT, at).set(ALERT_EVENT.ACTOR, actor)
                .set(ALERT_EVENT.FROM_STATUS, from == null ? null : from.name()).set(ALERT_EVENT.TO_STATUS, to.name())
                .set(ALERT_EVENT.LEVEL, level.name()).set(ALERT_EVENT.REASON, reason).execute();
    }

    public List<String> history(UUID alertId) {
        return dsl.select(ALERT_EVENT.TO_STATUS, ALERT_EVENT.LEVEL, ALERT_EVENT.REASON).from(ALERT_EVENT)
                .where(ALERT_EVENT.ALERT_ID.eq(alertId)).orderBy(ALERT_EVENT.AT, org.jooq.impl.DSL.field("rowid"))
                .fetch(r -> r.value1() + " " + r.value2() + (r.value3() == null ? "" : " " + r.value3()));
    }
}
