package fr.relais.core.alert;

import static fr.relais.core.store.schema.Tables.THRESHOLD_OVERRIDE;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.error.DefinitionError;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.rule.AlertRuleParser;
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
        r.setId(o.id());
        r.setPatientId(o.patientId());
        r.setTemplateId(o.templateId());
        r.setRuleId(o.ruleId());
        r.setDefinition(o.rule() == null ? null : AlertRuleJson.write(o.rule()).toString());
        r.setValidFrom(o.validFrom());
        r.setValidTo(o.validTo());
        r.setPrescriberId(o.prescriberId());
        r.setSetBy(o.setBy());
        r.setReason(o.reason());
        r.setCreatedAt(o.createdAt());
        r.insert();
    }

    /** Closes the override in force for the rule, if any. */
    public void close(UUID patientId, String templateId, String ruleId, Instant at) {
        dsl.update(THRESHOLD_OVERRIDE).set(THRESHOLD_OVERRIDE.VALID_TO, at)
                .where(THRESHOLD_OVERRIDE.PATIENT_ID.eq(patientId).and(THRESHOLD_OVERRIDE.TEMPLATE_ID.eq(templateId))
                        .and(THRESHOLD_OVERRIDE.RULE_ID.eq(ruleId)).and(THRESHOLD_OVERRIDE.VALID_TO.isNull()))
                .execute();
    }

    public java.util.Optional<ThresholdOverride> find(UUID id) {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).where(THRESHOLD_OVERRIDE.ID.eq(id)).fetchOptional(ThresholdRepository::toOverride);
    }

    /** The overrides of one rule for one patient, in the order they took effect (ties: recorded first, then id). */
    public List<ThresholdOverride> chain(UUID patientId, String templateId, String ruleId) {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).where(THRESHOLD_OVERRIDE.PATIENT_ID.eq(patientId)
                        .and(THRESHOLD_OVERRIDE.TEMPLATE_ID.eq(templateId)).and(THRESHOLD_OVERRIDE.RULE_ID.eq(ruleId)))
                .orderBy(THRESHOLD_OVERRIDE.VALID_FROM, THRESHOLD_OVERRIDE.CREATED_AT, THRESHOLD_OVERRIDE.ID).fetch(ThresholdRepository::toOverride);
    }

    public void setValidTo(UUID id, Instant validTo) {
        dsl.update(THRESHOLD_OVERRIDE).set(THRESHOLD_OVERRIDE.VALID_TO, validTo)
                .where(THRESHOLD_OVERRIDE.ID.eq(id)).execute();
    }

    /** Every override of a patient, oldest first. */
    public List<ThresholdOverride> ofPatient(UUID patientId) {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).where(THRESHOLD_OVERRIDE.PATIENT_ID.eq(patientId))
                .orderBy(THRESHOLD_OVERRIDE.VALID_FROM, THRESHOLD_OVERRIDE.CREATED_AT).fetch(ThresholdRepository::toOverride);
    }

    /** Every override of every patient (a full re-run reads them once). */
    public List<ThresholdOverride> all() {
        return dsl.selectFrom(THRESHOLD_OVERRIDE).orderBy(THRESHOLD_OVERRIDE.VALID_FROM).fetch(ThresholdRepository::toOverride);
    }

    private static ThresholdOverride toOverride(ThresholdOverrideRecord r) {
        return new ThresholdOverride(r.getId(), r.getPatientId(), r.getTemplateId(), r.getRuleId(),
                r.getDefinition() == null ? null : rule(r.getDefinition()), r.getValidFrom(),
                r.getValidTo(), r.getPrescriberId(), r.getSetBy(),
                r.getReason(), r.getCreatedAt());
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
