package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_STAY;

import fr.relais.core.store.schema.tables.records.HospitalStayRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.store.KeptStatements;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;

/** Stays in hospital: opened by an admission, closed by a discharge. */
public final class HospitalStayRepository {
    /** A stay opened, and the patient's open stay: its SQL rendered once (the ADT listener, an admission each). */
    private static final KeptStatements.Shape<Query> INSERT = v -> v.insert(HOSPITAL_STAY, HOSPITAL_STAY.ID, HOSPITAL_STAY.PATIENT_ID,
            HOSPITAL_STAY.ADMISSION_EVENT_ID, HOSPITAL_STAY.ADMITTED_AT, HOSPITAL_STAY.FACILITY, HOSPITAL_STAY.LOCATION,
            HOSPITAL_STAY.EXPECTED_DISCHARGE_DATE);
    private static final KeptStatements.Shape<ResultQuery<HospitalStayRecord>> OPEN_OF = v -> DSL.selectFrom(HOSPITAL_STAY)
            .where(HOSPITAL_STAY.PATIENT_ID.eq(v.of(HOSPITAL_STAY.PATIENT_ID)).and(HOSPITAL_STAY.DISCHARGED_AT.isNull()))
            .orderBy(HOSPITAL_STAY.ADMITTED_AT.desc()).limit(1);
    private static final KeptStatements.Shape<Query> DISCHARGED = v -> DSL.update(HOSPITAL_STAY)
            .set(HOSPITAL_STAY.DISCHARGE_EVENT_ID, v.of(HOSPITAL_STAY.DISCHARGE_EVENT_ID))
            .set(HOSPITAL_STAY.DISCHARGED_AT, v.of(HOSPITAL_STAY.DISCHARGED_AT)).where(HOSPITAL_STAY.ID.eq(v.of(HOSPITAL_STAY.ID)));

    private final DSLContext dsl;
    private final KeptStatements kept;

    public HospitalStayRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
    }

    void insert(HospitalStay s) {
        kept.execute(INSERT, s.id(), s.patientId(), s.admissionEventId(), s.admittedAt(), s.facility(), s.location(), s.expectedDischarge());
    }

    void discharged(UUID id, UUID eventId, Instant at) {
        kept.execute(DISCHARGED, eventId, at, id);
    }

    void location(UUID id, String location) {
        dsl.update(HOSPITAL_STAY).set(HOSPITAL_STAY.LOCATION, location).where(HOSPITAL_STAY.ID.eq(id)).execute();
    }

    void delete(UUID id) {
        dsl.deleteFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.ID.eq(id)).execute();
    }

    /** The patient's stay still open, the latest if a sender left two open. */
    public Optional<HospitalStay> openOf(UUID patientId) {
        return kept.fetch(OPEN_OF, HospitalStayRepository::toStay, patientId).stream().findFirst();
    }

    /** The patient's stays, latest first. */
    public List<HospitalStay> ofPatient(UUID patientId) {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.PATIENT_ID.eq(patientId)).orderBy(HOSPITAL_STAY.ADMITTED_AT.desc())
                .fetch(HospitalStayRepository::toStay);
    }

    public Optional<HospitalStay> byAdmission(UUID eventId) {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.ADMISSION_EVENT_ID.eq(eventId)).fetchOptional(HospitalStayRepository::toStay);
    }

    public Optional<HospitalStay> byDischarge(UUID eventId) {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.DISCHARGE_EVENT_ID.eq(eventId)).fetchOptional(HospitalStayRepository::toStay);
    }

    /** The stays of these patients, in admission order (the cohort report's readmissions and days at home). */
    public List<HospitalStay> ofPatients(java.util.Collection<UUID> patientIds) {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.PATIENT_ID.in(patientIds)).orderBy(HOSPITAL_STAY.ADMITTED_AT, HOSPITAL_STAY.ID)
                .fetch(HospitalStayRepository::toStay);
    }

    /** Who is in hospital now: every open stay, the longest first. */
    public List<HospitalStay> open() {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.DISCHARGED_AT.isNull()).orderBy(HOSPITAL_STAY.ADMITTED_AT)
                .fetch(HospitalStayRepository::toStay);
    }

    /** The stays that ended at or after {@code since}, the latest discharge first. */
    public List<HospitalStay> dischargedSince(Instant since) {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.DISCHARGED_AT.ge(since)).orderBy(HOSPITAL_STAY.DISCHARGED_AT.desc())
                .fetch(HospitalStayRepository::toStay);
    }

    /** When the patient's latest stay ended, if it has. */
    public Optional<Instant> lastDischarge(UUID patientId) {
        return dsl.select(HOSPITAL_STAY.DISCHARGED_AT).from(HOSPITAL_STAY)
                .where(HOSPITAL_STAY.PATIENT_ID.eq(patientId).and(HOSPITAL_STAY.DISCHARGED_AT.isNotNull()))
                .orderBy(HOSPITAL_STAY.DISCHARGED_AT.desc()).limit(1).fetchOptional(r -> r.value1());
    }

    private static HospitalStay toStay(HospitalStayRecord r) {
        return new HospitalStay(r.getId(), r.getPatientId(), r.getAdmissionEventId(), r.getAdmittedAt(), r.getFacility(),
                r.getLocation(), r.getExpectedDischargeDate(), r.getDischargeEventId(), r.getDischargedAt());
    }
}
