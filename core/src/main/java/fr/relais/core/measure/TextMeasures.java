package fr.relais.core.measure;

import static fr.relais.core.store.schema.Tables.TEXT_MEASURE;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.ReceivedRows;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Measures received from the team server with a text value, or said not taken ({@link TextMeasure}): a number guessed
 * from "72 kg environ" could raise or hide an alert, so they are kept and shown as written, never judged, never sent back.
 */
public final class TextMeasures {
    private final DSLContext dsl;
    private final AuditLog audit;
    private final UserSession session;
    private final ReceivedRows received;

    public TextMeasures(DSLContext dsl, AuditLog audit, UserSession session) {
        this.dsl = dsl;
        this.audit = audit;
        this.session = session;
        this.received = new ReceivedRows(dsl);
    }

    /** Keeps one as the server holds it now (the caller's transaction); returns whether it was new here. */
    public boolean applySynced(TextMeasure m, String origin) {
        boolean isNew = received.replace(dsl.newRecord(TEXT_MEASURE).with(TEXT_MEASURE.ID, m.id()).with(TEXT_MEASURE.PATIENT_ID, m.patientId())
                .with(TEXT_MEASURE.CODE, m.code()).with(TEXT_MEASURE.TEXT, m.text()).with(TEXT_MEASURE.EFFECTIVE_AT, m.effectiveAt())
                .with(TEXT_MEASURE.STATUS, m.status()).with(TEXT_MEASURE.ABSENT_REASON, m.absentReason()), TEXT_MEASURE.ID);
        audit.record("measure.text.sync", "Measure", m.id(), m.patientId(), origin);
        return isNew;
    }

    /** A patient's text measures, newest first. */
    public List<TextMeasure> ofPatient(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return dsl.selectFrom(TEXT_MEASURE).where(TEXT_MEASURE.PATIENT_ID.eq(patientId)).orderBy(TEXT_MEASURE.EFFECTIVE_AT.desc())
                .fetch(r -> new TextMeasure(r.getId(), r.getPatientId(), r.getCode(), r.getText(),
                        r.getEffectiveAt(), r.getStatus(), r.getAbsentReason()));
    }
}
