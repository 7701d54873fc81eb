package fr.relais.core.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureType;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Measured values as clinicians write them: the decimal separator of the language ("77,8 kg"), the unit as written on
 * paper rather than its UCUM code (mm[Hg] → mmHg, Cel → °C, {beats}/min → bpm), a score out of its maximum ("11/27",
 * never "11 {score}"), and the measure's clinical name; a computed value (a unit converted) rounded to the precision
 * clinicians use for its unit. UCUM codes and exact values stay in the data; only what is shown changes.
 */
public final class Quantities {
    private static final String SCORE = "{score}";
    /**
     * Decimals a clinician writes, by canonical UCUM unit; one for any other unit. Only a value with more decimals than
     * any scale or device gives ({@link #MEASURED_DECIMALS}) is rounded: it was computed (a weight sent in pounds and
     * converted, 184 lb = 83.46099608 kg, reads 83,5 kg); what was typed keeps its digits (74.60 stays 74,60).
     */
    private static final java.util.Map<String, Integer> CLINICAL_DECIMALS = java.util.Map.of("kg", 1, "g", 0, "Cel", 1, "g/L", 2,
            "mmol/L", 1, "mg/dL", 0, "%", 0, "/min", 0, "mm[Hg]", 0, SCORE, 0);
    private static final int MEASURED_DECIMALS = 2;
    private final Localization words;
    private final Language language;

    public Quantities(Language language) {
        this.language = language;
        this.words = WordingBundle.of(language);
    }

    public Language language() {
        return language;
    }

    /** A number with the language's decimal separator, every digit kept ("74.60" → "74,60"). */
    public String number(Object value) {
        return words.number(value);
    }

    /**
     * The value as shown: rounded to the precision clinicians use for its unit when it has more decimals than was ever
     * measured (the stored value keeps them all); every digit kept otherwise.
     */
    public static BigDecimal clinical(BigDecimal value, String ucum) {
        return value == null || value.scale() <= MEASURED_DECIMALS ? value
                : value.setScale(CLINICAL_DECIMALS.getOrDefault(ucum, 1), java.math.RoundingMode.HALF_UP);
    }

    /** The unit as written on paper: a known UCUM code in words, a score's unit as nothing (see {@link #of}). */
    public String unit(String ucum) {
        if (ucum == null || ucum.isBlank() || SCORE.equals(ucum)) {
            return "";
        }
        String key = "unit." + ucum;
        return words.has(key) ? words.text(key) : ucum;
    }

    /**
     * A value with its unit: "77,8 kg", "88 %", "37,2 °C", "132 mmHg", "18/min"; a score with its maximum when the measure code
     * has one ("11/27"), else the bare number.
     */
    public String of(Object value, String ucum, String code) {
        String number = number(clinical(value, ucum));
        if (SCORE.equals(ucum)) {
            return maximum(code).map(max -> words.text("score.outOf", number, number(max))).orElse(number);
        }
        String unit = unit(ucum);
        // A rate is written against its number ("18/min"), any other unit after a space ("77,8 kg").
        return unit.isEmpty() ? number : unit.startsWith("/") ? number + unit : number + " " + unit;
    }

    /** The clinical name of a measure code ("Poids", "SpO2"), or the code itself for a questionnaire ("PHQ-9"). */
    public String measureName(String code) {
        if (code != null && code.startsWith(fr.relais.core.questionnaire.Questionnaire.RULE_SCOPE)) {
            // A questionnaire's score rule is judged on "questionnaire:PHQ-9": the scale's own name is what clinicians say.
            return code.substring(fr.relais.core.questionnaire.Questionnaire.RULE_SCOPE.length());
        }
        return MeasureCatalog.find(code).map(t -> t.name().in(language)).orElse(code == null ? "" : code);
    }

    /** The measure's name as written inside a sentence: "poids", but "SpO2" and "PHQ-9" keep their capitals. */
    public String measureNameInSentence(String code) {
        return Localization.inSentence(measureName(code));
    }

    /** The canonical unit of a measure code (UCUM), for values stored without one (rule bounds). */
    public String canonicalUnit(String code) {
        return MeasureCatalog.find(code).map(MeasureType::unit).orElse("");
    }

    /** A number's text rounded as {@link #clinical(BigDecimal, String)} does; text that is no number as it is. */
    private static Object clinical(Object value, String ucum) {
        if (value == null) {
            return null;
        }
        try {
            return clinical(new BigDecimal(value.toString().strip()), ucum);
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    private static Optional<BigDecimal> maximum(String code) {
        return MeasureCatalog.find(code).map(MeasureType::possibleMax);
    }
}
