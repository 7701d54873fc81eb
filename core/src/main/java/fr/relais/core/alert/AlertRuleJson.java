package fr.relais.core.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.rule.AlertRule;
import java.math.BigDecimal;

/** Writes a rule in the {@code alertRules} syntax that {@link AlertRuleParser} reads: overrides are stored this way. */
public final class AlertRuleJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertRuleJson() {
    }

    public static ObjectNode write(AlertRule rule) {
        ObjectNode node = JSON.createObjectNode().put("id", rule.id()).put("kind", rule.kind()).put("code", rule.code());
        if (rule instanceof AlertRule.Absolute a) {
            bound(node, "red", a.redBelow(), a.redAbove());
            bound(node, "yellow", a.yellowBelow(), a.yellowAbove());
        } else if (rule instanceof AlertRule.Relative r) {
            node.put("window", r.window().toString()).put("rise", r.rise()).put("level", r.level().name());
        } else if (rule instanceof AlertRule.Trend t) {
            node.put("count", t.count()).put("direction", t.falling() ? "fall" : "rise").put("level", t.level().name());
        } else if (rule instanceof AlertRule.Missing m) {
            node.put("after", m.after().toString()).put("level", m.level().name()).put("mandatory", m.mandatory());
        }
        return node;
    }

    private static void bound(ObjectNode node, String level, BigDecimal below, BigDecimal above) {
        if (below == null && above == null) {
            return;
        }
        ObjectNode b = node.putObject(level);
        if (below != null) {
            b.put("below", below);
        }
        if (above != null) {
            b.put("above", above);
        }
    }
}
