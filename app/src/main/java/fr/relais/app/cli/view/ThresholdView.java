package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import fr.relais.core.alert.AlertRuleJson;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import java.time.Instant;

/**
 * A rule as it applies to a patient ({@code relais threshold list}) or one period of the patient's threshold history
 * ({@code set}, {@code restore}, {@code history}). {@code rule} is in the alertRules syntax; null for a restore.
 */
@JsonPropertyOrder({"pathwayId", "ruleId", "rule", "overrideId", "validFrom", "validTo", "prescriberId", "setBy", "reason"})
public record ThresholdView(String pathwayId, String ruleId, @JsonRawValue String rule, String overrideId, Instant validFrom,
                            Instant validTo, String prescriberId, String setBy, String reason) {
    public static ThresholdView of(ThresholdOverride o) {
        return new ThresholdView(o.templateId(), o.ruleId(), o.rule() == null ? null : AlertRuleJson.write(o.rule()).toString(),
                o.id().toString(), o.validFrom(), o.validTo(), o.prescriberId().toString(), o.setBy(), o.reason());
    }

    public static ThresholdView of(RuleInForce r) {
        ThresholdOverride o = r.override();
        return new ThresholdView(r.templateId(), r.rule().id(), AlertRuleJson.write(r.rule()).toString(),
                o == null ? null : o.id().toString(), o == null ? null : o.validFrom(), o == null ? null : o.validTo(),
                o == null ? null : o.prescriberId().toString(), o == null ? null : o.setBy(), o == null ? null : o.reason());
    }
}
