package fr.relais.core.alert;

import static fr.relais.core.store.schema.Tables.THRESHOLD_OVERRIDE;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.error.DefinitionError;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.rule.AlertRuleParser;
import fr.relais.core.store.SqlTime;
import fr.relais.core.store.schema.tables.records.ThresholdOverrideRecord;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** Threshold overrides: rows are inserted, and closed once; never edited otherwise. */
public final class ThresholdRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;

    public ThresholdRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(ThresholdOverride o) {
        ThresholdOverrideRecord r = dsl.newRecord(THRESHOLD_OVERRIDE);
        r.setId(o.id().toString());
        r.setPatientId(o.patientId().toString());
        r.setTemplateId(o.templateId());
        r.setRuleId(o.ruleId());
        r.setDefinition(o.rule() == null ? null : AlertRuleJson.write(o.rule()).toString());
        r.setValidFrom(SqlTime.instant(o.validFrom()));
        r.setValidTo(o.validTo() == null ? null : SqlTime.instant(o.validTo()));
        r.setPrescriberId(o.prescriberId().toString());
        r.setSetBy(o.setBy());
        r.setReason(o.reason());
        r.setCreatedAt(SqlTime.instant(o.createdAt()));
        r.insert();
    }

    /** Closes the override in force for the rule, if any. */
    public void close(UUID patientId, String templateId, String ruleId, Instant at) {
        dsl.update(THRESHOLD_OVERRIDE).set(THRESHOLD_OVERRIDE.VALID_TO, SqlTime.instant(at))
                .where(THRESHOLD_OVERRIDE.PATIENT_ID.eq(patientId.toString()).and(THRESHOLD_OVERRIDE.TEMPLATE_ID.eq(templateId))
                        .and(THRESHOLD_OVERRIDE.RULE_ID.eq(ruleId)).and(THRESHOLD_OVERRIDE.VALID_TO.isNull()))
                .execute();
    }

    public java.util.Optional<ThresholdOverride> find(UUID id) {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).where(THRESHOLD_OVERRIDE.ID.eq(id.toString())).fetchOptional(ThresholdRepository::toOverride);
    }

    /** The overrides of one rule for one patient, in the order they took effect (ties: recorded first, then id). */
    public List<ThresholdOverride> chain(UUID patientId, String templateId, String ruleId) {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).where(THRESHOLD_OVERRIDE.PATIENT_ID.eq(patientId.toString())
                        .and(THRESHOLD_OVERRIDE.TEMPLATE_ID.eq(templateId)).and(THRESHOLD_OVERRIDE.RULE_ID.eq(ruleId)))
                .orderBy(THRESHOLD_OVERRIDE.VALID_FROM, THRESHOLD_OVERRIDE.CREATED_AT, THRESHOLD_OVERRIDE.ID).fetch(ThresholdRepository::toOverride);
    }

    public void setValidTo(UUID id, Instant validTo) {
        dsl.update(THRESHOLD_OVERRIDE).set(THRESHOLD_OVERRIDE.VALID_TO, SqlTime.instant(validTo))
                .where(THRESHOLD_OVERRIDE.ID.eq(id.toString())).execute();
    }

    /** Every override of a patient, oldest first. */
    public List<ThresholdOverride> ofPatient(UUID patientId) {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).where(THRESHOLD_OVERRIDE.PATIENT_ID.eq(patientId.toString()))
                .orderBy(THRESHOLD_OVERRIDE.VALID_FROM, THRESHOLD_OVERRIDE.CREATED_AT).fetch(ThresholdRepository::toOverride);
    }

    /** Every override of every patient (a full re-run reads them once). */
    public List<ThresholdOverride> all() {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).orderBy(THRESHOLD_OVERRIDE.VALID_FROM).fetch(ThresholdRepository::toOverride);
    }

    private static ThresholdOverride toOverride(ThresholdOverrideRecord r) {
        return new ThresholdOverride(UUID.fromString(r.getId()), UUID.fromString(r.getPatientId()), r.getTemplateId(), r.getRuleId(),
                r.getDefinition() == null ? null : rule(r.getDefinition()), SqlTime.instant(r.getValidFrom()),
                r.getValidTo() == null ? null : SqlTime.instant(r.getValidTo()), UUID.fromString(r.getPrescriberId()), r.getSetBy(),
                r.getReason(), SqlTime.instant(r.getCreatedAt()));
    }

    /** Stored definitions were validated when written; a row that no longer parses is a defect, not bad input. */
    private static AlertRule rule(String json) {
        List<DefinitionError> errors = new ArrayList<>();
        try {
            AlertRule rule = AlertRuleParser.parseRule(JSON.readTree(json), "definition", errors);
            if (rule == null) {
                throw new IllegalStateException("Stored threshold override no longer valid: " + errors);
            }
            return rule;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
