package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_EVENT;

import fr.relais.core.store.schema.tables.records.HospitalEventRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.store.KeptStatements;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.impl.DSL;

/** The hospital events received, as stored: one row per message, unique per sender and control id. */
public final class HospitalEventRepository {
    /** The columns a message is stored in, in the order of {@link #values}. */
    private static final org.jooq.Field<?>[] COLUMNS = {HOSPITAL_EVENT.ID, HOSPITAL_EVENT.SENDER_APPLICATION,
            HOSPITAL_EVENT.SENDER_FACILITY, HOSPITAL_EVENT.CONTROL_ID, HOSPITAL_EVENT.EVENT_TYPE, HOSPITAL_EVENT.MOVEMENT_ID,
            HOSPITAL_EVENT.MOVEMENT_ACTION, HOSPITAL_EVENT.EVENT_AT, HOSPITAL_EVENT.PATIENT_CLASS, HOSPITAL_EVENT.LOCATION,
            HOSPITAL_EVENT.EXPECTED_DISCHARGE_DATE, HOSPITAL_EVENT.DIAGNOSES, HOSPITAL_EVENT.IDENTITY_STATUS, HOSPITAL_EVENT.INS,
            HOSPITAL_EVENT.IPP, HOSPITAL_EVENT.PATIENT_ID, HOSPITAL_EVENT.STATE, HOSPITAL_EVENT.QUEUE_REASON,
            HOSPITAL_EVENT.RAW_MESSAGE, HOSPITAL_EVENT.RECEIVED_AT};
    /** A message stored; its SQL rendered once. */
    private static final KeptStatements.Shape<Query> INSERT = v -> v.insert(HOSPITAL_EVENT, COLUMNS);
    /** A message stored unless its sender already sent its control id; its SQL rendered once (the ADT listener, a message each). */
    private static final KeptStatements.Shape<Query> INSERT_IF_NEW = v -> v.insert(HOSPITAL_EVENT, COLUMNS).onConflictDoNothing();
    private static final KeptStatements.Shape<Query> DECIDED = v -> DSL.update(HOSPITAL_EVENT)
            .set(HOSPITAL_EVENT.PATIENT_ID, v.of(HOSPITAL_EVENT.PATIENT_ID)).set(HOSPITAL_EVENT.STATE, v.of(HOSPITAL_EVENT.STATE))
            .set(HOSPITAL_EVENT.QUEUE_REASON, v.of(HOSPITAL_EVENT.QUEUE_REASON)).where(HOSPITAL_EVENT.ID.eq(v.of(HOSPITAL_EVENT.ID)));

    private final DSLContext dsl;
    private final KeptStatements kept;

    public HospitalEventRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
    }

    void insert(StoredHospitalEvent e) {
        kept.execute(INSERT, values(e));
    }

    /**
     * Inserts {@code e} unless its sender already sent its control id (the table's unique key): false then, and nothing
     * written. One statement for a new message, where a look-up first and the insert after were two.
     */
    boolean insertIfNew(StoredHospitalEvent e) {
        return kept.execute(INSERT_IF_NEW, values(e)) == 1;
    }

    /** {@code e}'s values in the order of {@link #COLUMNS}. */
    private static Object[] values(StoredHospitalEvent e) {
        return new Object[] {e.id(), e.senderApplication(), e.senderFacility(), e.controlId(), e.type().name(), e.movementId(),
                e.movementAction(), e.eventAt(), e.patientClass(), e.location(), e.expectedDischarge(),
                e.diagnoses().isEmpty() ? null : String.join(" ", e.diagnoses()), e.identityStatus(), e.ins(), e.ipp(), e.patientId(),
                e.state().name(), e.queueReason() == null ? null : e.queueReason().name(), e.raw(), e.receivedAt()};
    }

    void decided(UUID id, UUID patientId, StoredHospitalEvent.State state, StoredHospitalEvent.QueueReason reason) {
        kept.execute(DECIDED, patientId, state.name(), reason == null ? null : reason.name(), id);
    }

    void state(UUID id, StoredHospitalEvent.State state) {
        dsl.update(HOSPITAL_EVENT).set(HOSPITAL_EVENT.STATE, state.name()).where(HOSPITAL_EVENT.ID.eq(id)).execute();
    }

    public Optional<StoredHospitalEvent> find(UUID id) {
        return dsl.selectFrom(HOSPITAL_EVENT).where(HOSPITAL_EVENT.ID.eq(id)).fetchOptional(HospitalEventRepository::toEvent);
    }

    /** The event a sender already sent under this control id (MSH-10), if any. */
    public Optional<StoredHospitalEvent> find(String application, String facility, String controlId) {
        return dsl.selectFrom(HOSPITAL_EVENT).where(HOSPITAL_EVENT.SENDER_APPLICATION.eq(application)
                        .and(HOSPITAL_EVENT.SENDER_FACILITY.eq(facility)).and(HOSPITAL_EVENT.CONTROL_ID.eq(controlId)))
                .fetchOptional(HospitalEventRepository::toEvent);
    }

    /** The events waiting in the identity queue, oldest first. */
    public List<StoredHospitalEvent> queued() {
        return dsl.selectFrom(HOSPITAL_EVENT).where(HOSPITAL_EVENT.STATE.eq(StoredHospitalEvent.State.QUEUED.name()))
                .orderBy(HOSPITAL_EVENT.RECEIVED_AT, HOSPITAL_EVENT.ID).fetch(HospitalEventRepository::toEvent);
    }

    /** A patient's events in the order they happened. */
    public List<StoredHospitalEvent> ofPatient(UUID patientId) {
        return dsl.selectFrom(HOSPITAL_EVENT).where(HOSPITAL_EVENT.PATIENT_ID.eq(patientId))
                .orderBy(HOSPITAL_EVENT.EVENT_AT, HOSPITAL_EVENT.RECEIVED_AT).fetch(HospitalEventRepository::toEvent);
    }

    private static StoredHospitalEvent toEvent(HospitalEventRecord r) {
        return new StoredHospitalEvent(r.getId(), r.getSenderApplication(), r.getSenderFacility(), r.getControlId(),
                HospitalEventType.valueOf(r.getEventType()), r.getMovementId(), r.getMovementAction(), r.getEventAt(),
                r.getPatientClass(), r.getLocation(), r.getExpectedDischargeDate(),
                r.getDiagnoses() == null ? List.of() : Arrays.asList(r.getDiagnoses().split(" ")), r.getIdentityStatus(),
                r.getIns(), r.getIpp(), r.getPatientId(), StoredHospitalEvent.State.valueOf(r.getState()),
                r.getQueueReason() == null ? null : StoredHospitalEvent.QueueReason.valueOf(r.getQueueReason()),
                r.getRawMessage(), r.getReceivedAt());
    }
}
