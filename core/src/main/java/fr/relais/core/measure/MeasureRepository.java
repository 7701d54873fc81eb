package fr.relais.core.measure;

import static fr.relais.core.store.schema.Tables.MEASURE;
import static fr.relais.core.store.schema.Tables.MEASURE_HOLD;

import fr.relais.core.store.SqlTime;
import fr.relais.core.store.schema.tables.records.MeasureRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Measures in the store. */
public final class MeasureRepository {
    private final DSLContext dsl;

    public MeasureRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Measure m) {
        MeasureRecord r = dsl.newRecord(MEASURE);
        r.setId(m.id());
        r.setPatientId(m.patientId());
        r.setCode(m.code());
        r.setValue(m.value().toPlainString());
        r.setUnit(m.unit());
        r.setOriginalValue(m.originalValue());
        r.setOriginalUnit(m.originalUnit());
        r.setEffectiveAt(m.effectiveAt());
        r.setSource(m.source().name());
        r.setRecordedBy(m.recordedBy());
        r.setUnusual(m.unusual() ? 1 : 0);
        r.setPreliminary(m.preliminary() ? 1 : 0);
        r.setStatus(m.status().name());
        r.setErrorReason(m.errorReason());
        r.setCreatedAt(m.createdAt());
        r.setUpdatedAt(m.updatedAt());
        r.insert();
    }

    /**
     * Stores many measures with one prepared statement executed in batches (the bulk path, {@link BulkIngest}): the same
     * columns and text forms as {@link #insert}, without a record object per row. Inside the caller's transaction.
     */
    public void insertAll(List<Measure> batch) {
        dsl.connection(c -> {
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO measure (id, patient_id, code, value, unit, "
                    + "original_value, original_unit, effective_at, source, recorded_by, unusual, preliminary, status, error_reason, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Measure m : batch) {
                    insert.setString(1, m.id().toString());
                    insert.setString(2, m.patientId().toString());
                    insert.setString(3, m.code());
                    insert.setString(4, m.value().toPlainString());
                    insert.setString(5, m.unit());
                    insert.setString(6, m.originalValue());
                    insert.setString(7, m.originalUnit());
                    insert.setString(8, SqlTime.instant(m.effectiveAt()));
                    insert.setString(9, m.source().name());
                    insert.setString(10, m.recordedBy());
                    insert.setInt(11, m.unusual() ? 1 : 0);
                    insert.setInt(12, m.preliminary() ? 1 : 0);
                    insert.setString(13, m.status().name());
                    insert.setString(14, m.errorReason());
                    insert.setString(15, SqlTime.instant(m.createdAt()));
                    insert.setString(16, SqlTime.instant(m.updatedAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * Keys ({@link #key}) of the patient's measures taken between {@code from} and {@code to} (both included), whatever
     * their status: what {@link #exists} answers row by row, read once for a patient's rows of a bulk import.
     */
    public java.util.Set<String> keysBetween(UUID patientId, Instant from, Instant to) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        dsl.select(MEASURE.CODE, MEASURE.EFFECTIVE_AT, MEASURE.VALUE).from(MEASURE)
                .where(MEASURE.PATIENT_ID.eq(patientId).and(MEASURE.EFFECTIVE_AT.between(from, to)))
                .forEach(r -> keys.add(key(patientId, r.value1(), r.value2(), new BigDecimal(r.value3()))));
        return keys;
    }

    /** What makes two measures the same: patient, code, instant and value in the canonical unit (72.0 is 72). */
    public static String key(UUID patientId, String code, Instant effectiveAt, BigDecimal value) {
        return patientId + "|" + code + "|" + effectiveAt + "|" + value.stripTrailingZeros().toPlainString();
    }

    /**
     * Whether the patient already has a measure of this code at this instant with this value (in the canonical unit,
     * compared as numbers: 72.0 is 72), whatever its status: one marked entered-in-error is not brought back by
     * importing its file again. Read from the (patient_id, code, effective_at) index.
     */
    public boolean exists(UUID patientId, String code, Instant effectiveAt, BigDecimal value) {
        return dsl.select(MEASURE.VALUE).from(MEASURE).where(MEASURE.PATIENT_ID.eq(patientId)
                        .and(MEASURE.CODE.eq(code)).and(MEASURE.EFFECTIVE_AT.eq(effectiveAt)))
                .fetch(MEASURE.VALUE).stream().anyMatch(stored -> new BigDecimal(stored).compareTo(value) == 0);
    }

    public int markEnteredInError(UUID id, String reason, Instant at) {
        return dsl.update(MEASURE).set(MEASURE.STATUS, MeasureStatus.ENTERED_IN_ERROR.name())
                .set(MEASURE.ERROR_REASON, reason).set(MEASURE.UPDATED_AT, at)
                .where(MEASURE.ID.eq(id).and(MEASURE.STATUS.eq(MeasureStatus.FINAL.name()))).execute();
    }

    /** A measure taken as wrong that stands again (another system restored it on the server): valid, with no reason. */
    public int restore(UUID id, Instant at) {
        return dsl.update(MEASURE).set(MEASURE.STATUS, MeasureStatus.FINAL.name()).setNull(MEASURE.ERROR_REASON)
                .set(MEASURE.UPDATED_AT, at)
                .where(MEASURE.ID.eq(id).and(MEASURE.STATUS.eq(MeasureStatus.ENTERED_IN_ERROR.name()))).execute();
    }

    /** A preliminary measure the system that sent it has since validated: no longer "provisoire". */
    public int confirm(UUID id, Instant at) {
        return dsl.update(MEASURE).set(MEASURE.PRELIMINARY, 0).set(MEASURE.UPDATED_AT, at)
                .where(MEASURE.ID.eq(id).and(MEASURE.PRELIMINARY.eq(1))).execute();
    }

    /** Holds a measure out of alert judgement (telemonitoring consent withdrawn). */
    public void hold(UUID id, Instant at) {
        dsl.insertInto(MEASURE_HOLD).set(MEASURE_HOLD.MEASURE_ID, id).set(MEASURE_HOLD.HELD_AT, at).execute();
    }

    /** A patient's measures still held, in time order. */
    public List<Measure> heldOf(UUID patientId) {
        return dsl.select(MEASURE.fields()).from(MEASURE).join(MEASURE_HOLD).on(MEASURE_HOLD.MEASURE_ID.eq(MEASURE.ID))
                .where(MEASURE.PATIENT_ID.eq(patientId).and(MEASURE_HOLD.RELEASED_AT.isNull()))
                .orderBy(MEASURE.EFFECTIVE_AT, MEASURE.CREATED_AT).fetch(r -> toMeasure(r.into(MEASURE)));
    }

    /** Ids of a patient's measures still held. */
    public java.util.Set<UUID> heldIds(UUID patientId) {
        return new java.util.HashSet<>(heldOf(patientId).stream().map(Measure::id).toList());
    }

    /** Ends a hold: from now on the measure is judged like any other. */
    public void release(UUID id, Instant at) {
        dsl.update(MEASURE_HOLD).set(MEASURE_HOLD.RELEASED_AT, at)
                .where(MEASURE_HOLD.MEASURE_ID.eq(id).and(MEASURE_HOLD.RELEASED_AT.isNull())).execute();
    }

    public Optional<Measure> find(UUID id) {
        return dsl.selectFrom(MEASURE).where(MEASURE.ID.eq(id)).fetchOptional(MeasureRepository::toMeasure);
    }

    /** A patient's measures of one code (all codes when null) in time order, entered-in-error ones included. */
    public List<Measure> ofPatient(UUID patientId, String code) {
        var condition = MEASURE.PATIENT_ID.eq(patientId);
        if (code != null) {
            condition = condition.and(MEASURE.CODE.eq(code));
        }
        return dsl.selectFrom(MEASURE).where(condition).orderBy(MEASURE.EFFECTIVE_AT, MEASURE.CREATED_AT)
                .fetch(MeasureRepository::toMeasure);
    }

    /*
     * Series for the alert engine: valid measures of one patient and code, in time order with ties in recording
     * order (rowid), the same order incremental and full evaluation walk, read straight from the
     * (patient_id, code, effective_at) index.
     */
    private static final org.jooq.Field<Long> ROWID = org.jooq.impl.DSL.field("measure.rowid", Long.class);

    /**
     * Valid measures of a patient and code from {@code from} on. A full re-run reads millions of rows through here,
     * so the rows are read from the JDBC result set directly rather than as jOOQ records (half the time).
     */
    public List<Reading> validSeries(UUID patientId, String code, Instant from) {
        var query = dsl.select(MEASURE.ID, MEASURE.VALUE, MEASURE.UNIT, MEASURE.EFFECTIVE_AT).from(MEASURE)
                .where(MEASURE.PATIENT_ID.eq(patientId).and(MEASURE.CODE.eq(code))
                        .and(MEASURE.EFFECTIVE_AT.ge(from)).and(MEASURE.STATUS.eq(FINAL)).and(notHeld()))
                .orderBy(MEASURE.EFFECTIVE_AT, ROWID);
        List<Reading> series = new java.util.ArrayList<>();
        try (java.sql.ResultSet rs = query.fetchResultSet()) {
            while (rs.next()) {
                series.add(new Reading(UUID.fromString(rs.getString(1)), patientId, code, new BigDecimal(rs.getString(2)),
                        rs.getString(3), SqlTime.instant(rs.getString(4))));
            }
        } catch (java.sql.SQLException e) {
            throw new org.jooq.exception.DataAccessException("Reading the measures of patient " + patientId, e);
        }
        return series;
    }

    /** Time of the {@code n}-th most recent valid measure strictly before {@code before}, if there are that many. */
    public Optional<Instant> nthValidBefore(UUID patientId, String code, Instant before, int n) {
        return dsl.select(MEASURE.EFFECTIVE_AT).from(MEASURE).where(MEASURE.PATIENT_ID.eq(patientId)
                        .and(MEASURE.CODE.eq(code)).and(MEASURE.EFFECTIVE_AT.lt(before))
                        .and(MEASURE.STATUS.eq(FINAL)).and(notHeld()))
                .orderBy(MEASURE.EFFECTIVE_AT.desc()).limit(1).offset(n - 1).fetchOptional(r -> r.value1());
    }

    /** Time of the patient's latest valid measure of a code. */
    public Optional<Instant> lastValidAt(UUID patientId, String code) {
        return dsl.select(org.jooq.impl.DSL.max(MEASURE.EFFECTIVE_AT)).from(MEASURE)
                .where(MEASURE.PATIENT_ID.eq(patientId).and(MEASURE.CODE.eq(code)).and(MEASURE.STATUS.eq(FINAL)).and(notHeld()))
                .fetchOptional(r -> r.value1());
    }

    private static final String FINAL = MeasureStatus.FINAL.name();

    /**
     * Not held for consent: the alert engine never judges a held measure, nor compares others with it. The subquery
     * does not depend on the row, so SQLite reads the (usually empty) hold table once per query.
     */
    private static org.jooq.Condition notHeld() {
        return MEASURE.ID.notIn(org.jooq.impl.DSL.select(MEASURE_HOLD.MEASURE_ID).from(MEASURE_HOLD).where(MEASURE_HOLD.RELEASED_AT.isNull()));
    }

    private static Measure toMeasure(MeasureRecord r) {
        return new Measure(r.getId(), r.getPatientId(), r.getCode(), new BigDecimal(r.getValue()),
                r.getUnit(), r.getOriginalValue(), r.getOriginalUnit(), r.getEffectiveAt(),
                MeasureSource.valueOf(r.getSource()), r.getRecordedBy(), r.getUnusual() == 1,
                MeasureStatus.valueOf(r.getStatus()), r.getErrorReason(), r.getCreatedAt(),
                r.getUpdatedAt(), r.getPreliminary() == 1);
    }
}
