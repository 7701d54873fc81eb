package fr.relais.core.measure;

import static fr.relais.core.store.schema.Tables.MEASURE;

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
        r.setId(m.id().toString());
        r.setPatientId(m.patientId().toString());
        r.setCode(m.code());
        r.setValue(m.value().toPlainString());
        r.setUnit(m.unit());
        r.setOriginalValue(m.originalValue());
        r.setOriginalUnit(m.originalUnit());
        r.setEffectiveAt(SqlTime.instant(m.effectiveAt()));
        r.setSource(m.source().name());
        r.setRecordedBy(m.recordedBy());
        r.setUnusual(m.unusual() ? 1 : 0);
        r.setStatus(m.status().name());
        r.setErrorReason(m.errorReason());
        r.setCreatedAt(SqlTime.instant(m.createdAt()));
        r.setUpdatedAt(SqlTime.instant(m.updatedAt()));
        r.insert();
    }

    public int markEnteredInError(UUID id, String reason, Instant at) {
        return dsl.update(MEASURE).set(MEASURE.STATUS, MeasureStatus.ENTERED_IN_ERROR.name())
                .set(MEASURE.ERROR_REASON, reason).set(MEASURE.UPDATED_AT, SqlTime.instant(at))
                .where(MEASURE.ID.eq(id.toString()).and(MEASURE.STATUS.eq(MeasureStatus.FINAL.name()))).execute();
    }

    public Optional<Measure> find(UUID id) {
        return dsl.selectFrom(MEASURE).where(MEASURE.ID.eq(id.toString())).fetchOptional(MeasureRepository::toMeasure);
    }

    /** A patient's measures of one code (all codes when null) in time order, entered-in-error ones included. */
    public List<Measure> ofPatient(UUID patientId, String code) {
        var condition = MEASURE.PATIENT_ID.eq(patientId.toString());
        if (code != null) {
            condition = condition.and(MEASURE.CODE.eq(code));
        }
        return dsl.selectFrom(MEASURE).where(condition).orderBy(MEASURE.EFFECTIVE_AT, MEASURE.CREATED_AT)
                .fetch(MeasureRepository::toMeasure);
    }

    private static Measure toMeasure(MeasureRecord r) {
        return new Measure(UUID.fromString(r.getId()), UUID.fromString(r.getPatientId()), r.getCode(), new BigDecimal(r.getValue()),
                r.getUnit(), r.getOriginalValue(), r.getOriginalUnit(), SqlTime.instant(r.getEffectiveAt()),
                MeasureSource.valueOf(r.getSource()), r.getRecordedBy(), r.getUnusual() == 1,
                MeasureStatus.valueOf(r.getStatus()), r.getErrorReason(), SqlTime.instant(r.getCreatedAt()),
                SqlTime.instant(r.getUpdatedAt()));
    }
}
