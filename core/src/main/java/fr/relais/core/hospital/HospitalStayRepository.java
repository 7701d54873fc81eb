package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_STAY;

import fr.relais.core.store.schema.tables.records.HospitalStayRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Stays in hospital: opened by an admission, closed by a discharge. */
public final class HospitalStayRepository {
    private final DSLContext dsl;

    public HospitalStayRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(HospitalStay s) {
        HospitalStayRecord r = dsl.newRecord(HOSPITAL_STAY);
        r.setId(s.id());
        r.setPatientId(s.patientId());
        r.setAdmissionEventId(s.admissionEventId());
        r.setAdmittedAt(s.admittedAt());
        r.setFacility(s.facility());
        r.setLocation(s.location());
        r.setExpectedDischargeDate(s.expectedDischarge());
        // insertInto, not r.insert(): the record's insert reads the row back (rowid) on SQLite, a query per message
        dsl.insertInto(HOSPITAL_STAY).set(r).execute();
    }

    void discharged(UUID id, UUID eventId, Instant at) {
        dsl.update(HOSPITAL_STAY).set(HOSPITAL_STAY.DISCHARGE_EVENT_ID, eventId).set(HOSPITAL_STAY.DISCHARGED_AT, at)
                .where(HOSPITAL_STAY.ID.eq(id)).execute();
    }

    void location(UUID id, String location) {
        dsl.update(HOSPITAL_STAY).set(HOSPITAL_STAY.LOCATION, location).where(HOSPITAL_STAY.ID.eq(id)).execute();
    }

    void delete(UUID id) {
        dsl.deleteFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.ID.eq(id)).execute();
    }

    /** The patient's stay still open, the latest if a sender left two open. */
    public Optional<HospitalStay> openOf(UUID patientId) {
        return dsl.selectFrom(HOSPITAL_STAY).where(HOSPITAL_STAY.PATIENT_ID.eq(patientId).and(HOSPITAL_STAY.DISCHARGED_AT.isNull()))
                .orderBy(HOSPITAL_STAY.ADMITTED_AT.desc()).limit(1).fetchOptional(HospitalStayRepository::toStay);
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
