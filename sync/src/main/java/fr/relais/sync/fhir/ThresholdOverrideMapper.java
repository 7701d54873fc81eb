package fr.relais.sync.fhir;

import fr.relais.core.rule.AlertRule;
import fr.relais.core.alert.AlertRuleJson;
import fr.relais.core.rule.AlertRuleParser;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.DefinitionError;
import fr.relais.core.time.CareZone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A physician's thresholds for one patient (issue 4) as a FHIR {@code Basic} resource: FHIR R4 has no resource for a
 * patient's alert thresholds (the Danish platform profiles its own), so Relais says it plainly with its own code.
 * Subject the patient, author the prescribing Practitioner, created the day it took effect; the pathway, the rule, the
 * rule as the template's alertRules JSON (absent: back to the pathway's rule), when it took effect, who entered it and
 * why in Relais extensions. When it ends is not sent: each workstation derives it from the next change of the rule.
 */
public final class ThresholdOverrideMapper {
    static final String CODE_SYSTEM = "urn:relais:fhir:CodeSystem:record";
    public static final String CODE = "threshold-override";
    private static final String TEMPLATE = RelaisFhir.extension("threshold-template");
    private static final String RULE_ID = RelaisFhir.extension("threshold-rule-id");
    private static final String RULE = RelaisFhir.extension("threshold-rule");
    private static final String VALID_FROM = RelaisFhir.extension("threshold-valid-from");
    private static final String SET_BY = RelaisFhir.extension("threshold-set-by");
    private static final String REASON = RelaisFhir.extension("threshold-reason");
    private static final String CREATED_AT = RelaisFhir.extension("threshold-created-at");

    private ThresholdOverrideMapper() {
    }

    public static Coding code() {
        return new Coding(CODE_SYSTEM, CODE, "Per-patient alert thresholds");
    }

    /** Sets the override on {@code target} (a new Basic or the server's copy). */
    public static Basic write(ThresholdOverride o, Basic target) {
        target.setCode(new CodeableConcept(code()));
        target.setSubject(new Reference("Patient/" + o.patientId()));
        target.setAuthor(new Reference("Practitioner/" + o.prescriberId()));
        target.setCreated(java.sql.Date.valueOf(o.validFrom().atZone(CareZone.PARIS).toLocalDate()));
        target.getExtension().removeIf(e -> e.getUrl().startsWith(RelaisFhir.extension("threshold-")));
        target.addExtension(TEMPLATE, new StringType(o.templateId()));
        target.addExtension(RULE_ID, new StringType(o.ruleId()));
        if (o.rule() != null) {
            target.addExtension(RULE, new StringType(AlertRuleJson.write(o.rule()).toString()));
        }
        target.addExtension(VALID_FROM, FhirDates.instant(o.validFrom()));
        target.addExtension(SET_BY, new StringType(o.setBy()));
        target.addExtension(REASON, new StringType(o.reason()));
        target.addExtension(CREATED_AT, FhirDates.instant(o.createdAt()));
        return target;
    }

    /** The override a team server's Basic stands for; one Relais cannot read is bad input naming {@code source}. */
    public static ThresholdOverride toLocal(Basic r, UUID localId, String source) {
        String patient = r.getSubject().getReferenceElement().getIdPart();
        String prescriber = r.getAuthor().getReferenceElement().getIdPart();
        String template = text(r, TEMPLATE);
        String ruleId = text(r, RULE_ID);
        Instant validFrom = instant(r, VALID_FROM);
        if (patient == null || prescriber == null || template == null || ruleId == null || validFrom == null) {
            throw new BadInputException(source, "fhir.invalid", new fr.relais.core.error.BadInputException.Reason("fhir.reason.thresholdIncomplete"));
        }
        AlertRule rule = null;
        String json = text(r, RULE);
        if (json != null) {
            List<DefinitionError> errors = new ArrayList<>();
            try {
                rule = AlertRuleParser.parseRule(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "threshold-rule", errors);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new BadInputException(source, "fhir.invalid", new fr.relais.core.error.BadInputException.Reason("fhir.reason.thresholdNotJson"));
            }
            if (rule == null || !errors.isEmpty()) {
                throw new BadInputException(source, "fhir.invalid", new fr.relais.core.error.BadInputException.Reason("fhir.reason.thresholdRule"));
            }
        }
        Instant created = instant(r, CREATED_AT);
        return new ThresholdOverride(localId, ObservationMapper.localId(patient), template, ruleId, rule, validFrom, null,
                ObservationMapper.localId(prescriber), text(r, SET_BY) == null ? "-" : text(r, SET_BY),
                text(r, REASON) == null ? "-" : text(r, REASON), created == null ? validFrom : created);
    }

    private static String text(Basic r, String url) {
        Extension e = r.getExtensionByUrl(url);
        return e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
    }

    private static Instant instant(Basic r, String url) {
        Extension e = r.getExtensionByUrl(url);
        return e != null && e.getValue() instanceof DateTimeType d && d.getValue() != null ? d.getValue().toInstant() : null;
    }
}
