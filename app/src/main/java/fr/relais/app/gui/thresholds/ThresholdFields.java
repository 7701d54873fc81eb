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
        // A questionnaire's bands are in points of its score, which has no unit of measure.
        String unit = rule.code().startsWith(fr.relais.core.questionnaire.Questionnaire.RULE_SCOPE) ? texts.text("thresholds.unit.score")
                : quantities.unit(quantities.canonicalUnit(rule.code()));
        return ThresholdService.fieldsOf(rule).stream().map(key -> new Field(key, texts.text("thresholds.field." + key),
                unitOf(key, unit), shown(key, values.getOrDefault(key, "")), choicesOf(key))).toList();
    }

    /** A level or a direction is chosen, not typed: its two values in words. */
    private List<String> choicesOf(String key) {
        if (key.equals("level")) {
            return List.of(alerts.level(AlertLevel.RED), alerts.level(AlertLevel.YELLOW));
        }
        return key.equals("direction") ? List.of(texts.text("thresholds.direction.rise"), texts.text("thresholds.direction.fall")) : List.of();
    }

    private String unitOf(String key, String measureUnit) {
        if (DELAYS.contains(key)) {
            return texts.text("thresholds.unit.days");
        }
        return BOUNDS.contains(key) ? measureUnit : key.equals("count") ? texts.text("thresholds.unit.times") : "";
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

    /**
     * What was typed in a field, read: {@code engine} the value in the engine's syntax ("none" removes a bound), null
     * when it is the value in force; {@code problem} the French reason naming the field when it cannot be read.
     */
    record Reading(String engine, String problem) {
        boolean changed() {
            return engine != null;
        }
    }

    /** Reads what was typed in {@code field}: "2,5" and "2.5" alike, an empty bound removes it. */
    Reading read(Field field, String typed) {
        String text = typed == null ? "" : typed.trim();
        String engine;
        try {
            engine = toEngine(field.key(), text);
        } catch (IllegalArgumentException e) {
            return new Reading(null, texts.text(e.getMessage(), field.label(), text));
        }
        return new Reading(engine.equals(engineOf(field)) ? null : engine, null);
    }

    /** The value in force of {@code field} in the engine's syntax ("none": no such bound). */
    String engineOf(Field field) {
        return field.current().isEmpty() ? "none" : toEngine(field.key(), field.current());
    }

    /** A value in the engine's syntax as a sentence says it, with its unit: "1,5 kg", "3 jours", "rouge", "aucun". */
    String said(Field field, String engine) {
        if (engine.equals("none")) {
            return texts.text("thresholds.value.none");
        }
        String shown = shown(field.key(), engine);
        if (DELAYS.contains(field.key())) {
            return texts.text("thresholds.days", days(engine), quantities.number(days(engine)));
        }
        // A non-breaking space: "1,5 kg" never split across two lines of the confirmation.
        return field.unit().isEmpty() ? shown : shown + "\u00a0" + field.unit();
    }

    /**
     * {@code text} for {@code key} in the engine's syntax: "" → none (a bound only), "3" days → P3D, "rouge" → RED,
     * "hausse" → rise, "2,5" → 2.5. Throws with the wording key of the problem when it cannot be read.
     */
    private String toEngine(String key, String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            if (BOUNDS.contains(key)) {
                return "none";
            }
            throw new IllegalArgumentException("thresholds.problem.empty");
        }
        if (DELAYS.contains(key)) {
            BigDecimal days = number(text, "thresholds.problem.days");
            if (days.signum() <= 0) {
                throw new IllegalArgumentException("thresholds.problem.days");
            }
            // A missing-data delay is counted in calendar days (a Period): no half day.
            if (key.equals("after") && days.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("thresholds.problem.wholeDays");
            }
            return days.stripTrailingZeros().scale() <= 0 ? "P" + days.toBigInteger() + "D"
                    : "PT" + days.multiply(HOURS_PER_DAY).setScale(0, RoundingMode.HALF_UP) + "H";
        }
        if (key.equals("level")) {
            for (AlertLevel level : List.of(AlertLevel.RED, AlertLevel.YELLOW)) {
                if (word.equals(alerts.level(level).toLowerCase(Locale.ROOT)) || word.equals(level.name().toLowerCase(Locale.ROOT))) {
                    return level.name();
                }
            }
            throw new IllegalArgumentException("thresholds.problem.level");
        }
        if (key.equals("direction")) {
            for (String direction : List.of("rise", "fall")) {
                if (word.equals(texts.text("thresholds.direction." + direction).toLowerCase(Locale.ROOT)) || word.equals(direction)) {
                    return direction;
                }
            }
            throw new IllegalArgumentException("thresholds.problem.direction");
        }
        if (key.equals("count")) {
            BigDecimal count = number(text, "thresholds.problem.count");
            // The engine's bounds of a trend (AlertRuleParser): one change is noise, more than 30 is no longer a trend.
            if (count.compareTo(BigDecimal.valueOf(2)) < 0 || count.compareTo(BigDecimal.valueOf(30)) > 0 || count.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("thresholds.problem.count");
            }
            return count.toBigInteger().toString();
        }
        return number(text, "thresholds.problem.number").stripTrailingZeros().toPlainString();
    }

    /**
     * Why a change would lengthen the delay of a mandatory missing-data rule past the pathway's (the French telemonitoring
     * minimums: it may be shortened, never lengthened), in words naming the field; empty otherwise. Core refuses it too.
     */
    java.util.Optional<String> pastMandatoryDelay(AlertRule original, List<Field> fields, Map<String, String> changes) {
        String after = changes.get("after");
        if (!(original instanceof AlertRule.Missing pathway) || !pathway.mandatory() || after == null) {
            return java.util.Optional.empty();
        }
        BigDecimal allowed = days(pathway.after().toString());
        if (days(after).compareTo(allowed) <= 0) {
            return java.util.Optional.empty();
        }
        Field field = fields.stream().filter(f -> f.key().equals("after")).findFirst().orElseThrow();
        return java.util.Optional.of(texts.text("thresholds.problem.mandatoryDelay", field.label(), texts.text("thresholds.days", allowed,
                quantities.number(allowed))));
    }

    /** A number typed with a decimal comma or point ("2,5", "2.5", "90"); nothing else. */
    private static BigDecimal number(String text, String problem) {
        if (!text.matches("-?\\d+([.,]\\d+)?")) {
            throw new IllegalArgumentException(problem);
        }
        return new BigDecimal(text.replace(',', '.'));
    }
}
