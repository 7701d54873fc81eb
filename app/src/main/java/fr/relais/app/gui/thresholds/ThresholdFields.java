package fr.relais.app.gui.thresholds;

import fr.relais.app.gui.thresholds.ThresholdsViewModel.Field;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.wording.AlertWords;
import fr.relais.core.wording.Quantities;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a rule a physician may change, as a form shows them and back: a bound in the measure's unit with a
 * decimal comma ("1,5" kg), a delay in days ("3" for the rule's P3D), a level as "rouge"/"orange", a direction as
 * "hausse"/"baisse". An empty bound means no such bound. What is typed goes back to the engine's syntax
 * ({@link ThresholdService#CHANGEABLE}); what the engine refuses comes back as its own French message.
 */
final class ThresholdFields {
    private static final BigDecimal HOURS_PER_DAY = BigDecimal.valueOf(24);
    private static final List<String> DELAYS = List.of("window", "after");
    private static final List<String> BOUNDS = List.of("red.below", "red.above", "yellow.below", "yellow.above", "rise");

    private final Localization texts;
    private final Quantities quantities;
    private final AlertWords alerts;

    ThresholdFields(Localization texts, Language language) {
        this.texts = texts;
        this.quantities = new Quantities(language);
        this.alerts = new AlertWords(language);
    }

    /** The fields of {@code rule} with their values in force, in words. */
    List<Field> of(AlertRule rule) {
        Map<String, String> values = ThresholdService.valuesOf(rule);
        String unit = quantities.unit(quantities.canonicalUnit(rule.code()));
        return ThresholdService.fieldsOf(rule).stream().map(key -> new Field(key, texts.text("thresholds.field." + key),
                unitOf(key, unit), shown(key, values.getOrDefault(key, "")))).toList();
    }

    private String unitOf(String key, String measureUnit) {
        if (DELAYS.contains(key)) {
            return texts.text("thresholds.unit.days");
        }
        return BOUNDS.contains(key) ? measureUnit : "";
    }

    private String shown(String key, String value) {
        if (value.isEmpty()) {
            return "";
        }
        if (DELAYS.contains(key)) {
            return quantities.number(days(value));
        }
        if (key.equals("level")) {
            return alerts.level(AlertLevel.valueOf(value));
        }
        if (key.equals("direction")) {
            return texts.text("thresholds.direction." + value);
        }
        return quantities.number(value);
    }

    /** A delay in days: "P3D" → 3, "PT36H" → 1.5, "P1W" → 7. */
    private static BigDecimal days(String iso) {
        try {
            return BigDecimal.valueOf(Duration.parse(iso).toMinutes()).divide(BigDecimal.valueOf(24 * 60), 2, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
        } catch (java.time.format.DateTimeParseException e) {
            Period period = Period.parse(iso);
            return BigDecimal.valueOf(period.toTotalMonths() * 30L + period.getDays());
        }
    }

    /** What was typed for {@code key}, in the engine's syntax: "" → none, "3" days → P3D, "rouge" → RED, "hausse" → rise. */
    String toEngine(String key, String typed) {
        String text = typed.trim();
        if (text.isEmpty()) {
            return "none";
        }
        String word = text.toLowerCase(Locale.ROOT);
        if (DELAYS.contains(key)) {
            try {
                BigDecimal days = new BigDecimal(text.replace(',', '.'));
                return days.stripTrailingZeros().scale() <= 0 ? "P" + days.toBigInteger() + "D"
                        : "PT" + days.multiply(HOURS_PER_DAY).setScale(0, RoundingMode.HALF_UP) + "H";
            } catch (NumberFormatException e) {
                return text;
            }
        }
        if (key.equals("level")) {
            for (AlertLevel level : List.of(AlertLevel.RED, AlertLevel.YELLOW)) {
                if (word.equals(alerts.level(level).toLowerCase(Locale.ROOT))) {
                    return level.name();
                }
            }
            return text;
        }
        if (key.equals("direction")) {
            for (String direction : List.of("rise", "fall")) {
                if (word.equals(texts.text("thresholds.direction." + direction).toLowerCase(Locale.ROOT))) {
                    return direction;
                }
            }
            return text;
        }
        return text.replace(',', '.');
    }
}
