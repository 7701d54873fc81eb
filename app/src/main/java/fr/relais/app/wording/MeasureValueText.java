package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * A measured value as a clinician writes it. What was typed keeps its digits (74.60 stays 74,60: it is what was
 * measured), but no scale nor device gives more than two decimals: a value with more was computed (a weight sent in
 * pounds and converted, 165 lb = 74.84274105 kg) and is rounded to the precision clinicians use for its unit
 * (74,8 kg; 37,2 °C; 1,05 g/L; 72 /min). The decimal separator is the language's (a comma in French).
 */
public final class MeasureValueText {
    /** Decimals a clinician writes, by canonical UCUM unit; one for any other unit. */
    private static final Map<String, Integer> CLINICAL_DECIMALS = Map.of("kg", 1, "g", 0, "Cel", 1, "g/L", 2, "mmol/L", 1,
            "mg/dL", 0, "%", 0, "/min", 0, "mm[Hg]", 0, "{score}", 0);
    private static final int MEASURED_DECIMALS = 2;

    private MeasureValueText() {
    }

    public static String of(BigDecimal value, String unit, Localization texts) {
        if (value == null) {
            return "";
        }
        BigDecimal shown = value.scale() > MEASURED_DECIMALS
                ? value.setScale(CLINICAL_DECIMALS.getOrDefault(unit, 1), RoundingMode.HALF_UP) : value;
        return texts.number(shown.toPlainString());
    }
}
