package fr.relais.core.pathway;

import static fr.relais.core.store.schema.Tables.ENROLLMENT;

import fr.relais.core.store.RowWriter;
import fr.relais.core.store.schema.tables.records.EnrollmentRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.store.KeptStatements;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;

/** Enrollments in the store. */
public final class EnrollmentRepository {
    /** A patient's enrolments: its SQL rendered once (the ADT listener, a message each). */
    private static final KeptStatements.Shape<ResultQuery<EnrollmentRecord>> OF_PATIENT = v -> DSL.selectFrom(ENROLLMENT)
            .where(ENROLLMENT.PATIENT_ID.eq(v.of(ENROLLMENT.PATIENT_ID))).orderBy(ENROLLMENT.START_DATE);

    private final DSLContext dsl;
    private final KeptStatements kept;
    private final RowWriter<EnrollmentRecord, Enrollment> rows;

    public EnrollmentRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
        this.rows = new RowWriter<>(dsl, ENROLLMENT, ENROLLMENT.ID, Enrollment::id, EnrollmentRepository::fill);
    }

    public void insert(Enrollment e) {
        rows.insert(e);
    }

    public void update(Enrollment e) {
        rows.update(e);
    }

    private static void fill(EnrollmentRecord r, Enrollment e) {
        r.setId(e.id());
        r.setPatientId(e.patientId());
        r.setTemplateId(e.templateId());
        r.setTemplateVersion(e.templateVersion());
        r.setStartDate(e.startDate());
        r.setEndDate(e.endDate());
        r.setStatus(e.status().name());
        r.setStatusReason(e.statusReason());
        r.setStatusChangedAt(e.statusChangedAt());
        r.setPlannedUntil(e.plannedUntil());
        r.setCreatedAt(e.createdAt());
        r.setVersionSince(e.versionSince());
    }

    private static Enrollment toEnrollment(EnrollmentRecord r) {
        return new Enrollment(r.getId(), r.getPatientId(), r.getTemplateId(),
                r.getTemplateVersion(), r.getStartDate(), r.getEndDate(),
                EnrollmentStatus.valueOf(r.getStatus()), r.getStatusReason(), r.getStatusChangedAt(),
                r.getPlannedUntil(), r.getCreatedAt(), r.getVersionSince());
    }

    public Optional<Enrollment> find(UUID id) {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.ID.eq(id)).fetchOptional(EnrollmentRepository::toEnrollment);
    }

    public List<Enrollment> ofPatient(UUID patientId) {
        return kept.fetch(OF_PATIENT, EnrollmentRepository::toEnrollment, patientId);
    }

    /** Active enrollments whose tasks are planned neither up to {@code horizon} nor up to their end. */
    public List<Enrollment> activeToPlan(LocalDate horizon) {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.STATUS.eq(EnrollmentStatus.ACTIVE.name())
                .and(ENROLLMENT.PLANNED_UNTIL.lt(horizon))
                .and(ENROLLMENT.PLANNED_UNTIL.lt(ENROLLMENT.END_DATE))).fetch(EnrollmentRepository::toEnrollment);
    }

    public List<Enrollment> active() {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.STATUS.eq(EnrollmentStatus.ACTIVE.name())).fetch(EnrollmentRepository::toEnrollment);
    }

    /** Active enrollments that ended before {@code day}. */
    public List<Enrollment> activeEndedBefore(LocalDate day) {
        return dsl.selectFrom(ENROLLMENT).where(ENROLLMENT.STATUS.eq(EnrollmentStatus.ACTIVE.name())
                .and(ENROLLMENT.END_DATE.lt(day))).fetch(EnrollmentRepository::toEnrollment);
    }
}
