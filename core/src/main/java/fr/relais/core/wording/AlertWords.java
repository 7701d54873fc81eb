package fr.relais.core.wording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Alerts in clinical words: the level ("rouge", "orange"), the status ("prise en compte"), the engine's explanation as
 * a sentence ("SpO2 88 % le 04/12/2026 à 09:00 — sous le seuil rouge de 90 %") and a rule as a sentence from its own
 * definition ("Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours"). The explanation JSON stays the
 * engine's record in the store and in {@code --format json}; this only writes what a nurse reads.
 *
 * <p>An absolute alert names only the bound it crossed, with its unit: a glycaemia of 0,68 g/L under an orange low
 * bound of 0,7 says "sous le seuil orange de 0,7 g/L", never the high bounds nor the red low one it did not cross.
 */
public final class AlertWords {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(CareZone.PARIS);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(CareZone.PARIS);

    private final Localization words;
    private final Language language;
    private final Quantities quantities;
    private final DurationWords durations;
    private final StatusWords statuses;

    public AlertWords(Language language) {
        this.language = language;
        this.words = WordingBundle.of(language);
        this.quantities = new Quantities(language);
        this.durations = new DurationWords(language);
        this.statuses = new StatusWords(language);
    }

    /** "rouge", "orange": inside a sentence. */
    public String level(AlertLevel level) {
        return words.text("level." + level.name());
    }

    /** "Rouge", "Orange": alone in a column or a badge. */
    public String levelTitle(AlertLevel level) {
        return words.text("levelTitle." + level.name());
    }

    /** "ouverte", "prise en compte": the status's words are {@link StatusWords}'s. */
    public String status(AlertStatus status) {
        return statuses.alert(status);
    }

    /**
     * The explanation an alert was raised with, as a sentence. {@code level} is the alert's level: for an absolute
     * alert it tells which bound was crossed (red or orange). An explanation that is not the engine's JSON (typed by
     * hand on another system) is shown as it is.
     */
    public String explanation(String explanation, AlertLevel level) {
        JsonNode n;
        try {
            n = explanation == null ? null : JSON.readTree(explanation);
        } catch (IOException e) {
            return explanation;
        }
        if (n == null || !n.isObject()) {
            return explanation == null ? "" : explanation;
        }
        String body = body(n, level);
        // A red alert raised outside reading hours says when it will be read and that the patient calls 15 (issue 21).
        String notice = text(n, language == Language.EN ? "noticeEn" : "notice");
        return notice.isEmpty() ? body : body + " " + notice;
    }

    private String body(JsonNode n, AlertLevel level) {
        if (n.hasNonNull("questionnaire") && n.hasNonNull("item")) {
            String reason = language == Language.EN && n.hasNonNull("reasonEn") ? text(n, "reasonEn") : text(n, "reason");
            return words.text("explain.answer", text(n, "questionnaire"), text(n, "item"), text(n, "answer"), reason);
        }
        if (n.hasNonNull("questionnaire") && n.hasNonNull("score")) {
            Bound bound = crossed(n, level, new BigDecimal(text(n, "score")));
            String band = n.hasNonNull("band") ? words.text("explain.band", text(n, "band")) : "";
            return bound == null ? text(n, "questionnaire") + " : " + quantities.number(text(n, "score")) + band
                    : words.text("explain.score." + bound.direction, text(n, "questionnaire"), quantities.number(text(n, "score")), band,
                    level(level), quantities.number(bound.value));
        }
        String code = text(n, "code");
        String measure = quantities.measureName(code);
        if (n.hasNonNull("lastMeasureOrStart")) {
            return words.text("explain.missing", quantities.measureNameInSentence(code), at(text(n, "lastMeasureOrStart")),
                    durations.of(text(n, "allowedGap")));
        }
        String unit = n.hasNonNull("unit") ? text(n, "unit") : quantities.canonicalUnit(code);
        String value = quantities.of(text(n, "value"), unit, code);
        if (n.hasNonNull("baseline")) {
            return words.text("explain.relative", measure, quantities.of(text(n, "rise"), unit, code), at(text(n, "baselineAt")),
                    quantities.of(text(n, "baseline"), unit, code), value, at(text(n, "at")), level(level),
                    quantities.of(text(n, "threshold"), unit, code), durations.of(text(n, "window")));
        }
        if (n.has("values")) {
            List<String> values = new ArrayList<>();
            n.path("values").forEach(v -> values.add(quantities.number(v.asText())));
            String run = String.join(" → ", values) + (quantities.unit(unit).isEmpty() ? "" : " " + quantities.unit(unit));
            return words.text("explain.trend." + ("fall".equals(text(n, "direction")) ? "fall" : "rise"), measure,
                    n.path("count").asInt(), run, at(text(n, "at")));
        }
        Bound bound = n.hasNonNull("value") ? crossed(n, level, new BigDecimal(text(n, "value"))) : null;
        return bound == null ? words.text("explain.crossed", measure, value, at(text(n, "at")), level(level))
                : words.text("explain." + bound.direction, measure, value, at(text(n, "at")), level(level),
                quantities.of(bound.value, unit, code));
    }

    /**
     * The one bound the value crossed at this level: the level's low bound when the value is under it, else its high
     * bound when over it. Explanations written before the direction was recorded (migration V34) carry all four bounds;
     * the value tells which one it was, so they read the same.
     */
    private static Bound crossed(JsonNode n, AlertLevel level, BigDecimal value) {
        String prefix = level == AlertLevel.RED ? "red" : "yellow";
        String low = text(n, prefix + "Below");
        String high = text(n, prefix + "Above");
        if (!low.isEmpty() && value.compareTo(new BigDecimal(low)) < 0) {
            return new Bound("below", low);
        }
        if (!high.isEmpty() && value.compareTo(new BigDecimal(high)) > 0) {
            return new Bound("above", high);
        }
        return null;
    }

    private record Bound(String direction, String value) {
    }

    /** A rule as a sentence from its definition, with the units of its measure. */
    public String rule(AlertRule rule) {
        String code = rule.code();
        String measure = quantities.measureName(code);
        String unit = quantities.canonicalUnit(code);
        if (rule instanceof AlertRule.Absolute a) {
            List<String> levels = new ArrayList<>();
            bounds(AlertLevel.RED, a.redBelow(), a.redAbove(), unit, code).ifPresent(levels::add);
            bounds(AlertLevel.YELLOW, a.yellowBelow(), a.yellowAbove(), unit, code).ifPresent(levels::add);
            return levels.isEmpty() ? words.text("rule.none", measure) : words.text("rule.absolute", measure, String.join(" ; ", levels));
        }
        if (rule instanceof AlertRule.Relative r) {
            return words.text("rule.relative", measure, level(r.level()), quantities.of(r.rise(), unit, code), durations.of(r.window()));
        }
        if (rule instanceof AlertRule.Trend t) {
            return words.text(t.falling() ? "rule.trend.fall" : "rule.trend.rise", measure, level(t.level()), t.count());
        }
        AlertRule.Missing m = (AlertRule.Missing) rule;
        return words.text(m.mandatory() ? "rule.missing.mandatory" : "rule.missing", measure, level(m.level()), durations.of(m.after()));
    }

    private java.util.Optional<String> bounds(AlertLevel level, BigDecimal below, BigDecimal above, String unit, String code) {
        List<String> parts = new ArrayList<>();
        if (below != null) {
            parts.add(words.text("rule.bound.below", quantities.of(below.toPlainString(), unit, code)));
        }
        if (above != null) {
            parts.add(words.text("rule.bound.above", quantities.of(above.toPlainString(), unit, code)));
        }
        return parts.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(words.text("rule.absolute.level", level(level), String.join(words.text("rule.bound.or"), parts)));
    }

    /** Where a rule in force comes from: the pathway, or a physician's prescription for this patient. */
    public String origin(String prescriber, Instant from, String reason) {
        return prescriber == null ? words.text("rule.fromPathway") : words.text("rule.fromPrescription", prescriber, DATE.format(from), reason);
    }

    private String at(String instant) {
        try {
            Instant i = Instant.parse(instant);
            return words.text("at", DATE.format(i), TIME.format(i));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : "";
    }
}
