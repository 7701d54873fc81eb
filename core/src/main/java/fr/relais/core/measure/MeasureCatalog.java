package fr.relais.core.measure;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.LocalizedText;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The measures Relais understands (codes and units from shared/reference/clinical.md). Plausibility limits reject
 * what cannot be a human value (a weight of 900 kg); usual limits only flag.
 */
public final class MeasureCatalog {
    public static final String BODY_WEIGHT = "29463-7";
    public static final String SPO2 = "59408-5";
    public static final String HEART_RATE = "8867-4";
    public static final String SYSTOLIC = "8480-6";
    public static final String DIASTOLIC = "8462-4";
    public static final String RESPIRATORY_RATE = "9279-1";
    public static final String BODY_TEMPERATURE = "8310-5";
    public static final String GLUCOSE = "2339-0";
    public static final String PHQ9_TOTAL = "44261-6";
    public static final String GAD7_TOTAL = "70274-6";
    /** Pain severity, 0-10 verbal numeric rating, reported (LOINC 72514-3): the RAAC pathway rates it after surgery. */
    public static final String PAIN_SEVERITY = "72514-3";

    /** Glucose molar mass, 180.156 g/mol: 1 mmol/L = 0.180156 g/L (the rounded "g/L × 5.55" is not used). */
    static final String GLUCOSE_G_PER_MMOL = "0.180156";

    private static final Map<String, MeasureType> TYPES = new LinkedHashMap<>();

    /**
     * Other LOINC codes other systems write for a measure Relais models (loinc.org): read as that measure, its value
     * converted by the measure's own unit table. 15074-8 Glucose [Moles/volume] in Blood, 2345-7 Glucose
     * [Mass/volume] in Serum or Plasma, 41653-7 Glucose [Mass/volume] in Capillary blood by Glucometer, 14743-9
     * Glucose [Moles/volume] in Capillary blood by Glucometer; 2708-6 Oxygen saturation in Arterial blood. Relais
     * itself always writes the code on the left of {@link #TYPES}.
     */
    private static final Map<String, String> OTHER_CODES = Map.of(
            "15074-8", GLUCOSE, "2345-7", GLUCOSE, "41653-7", GLUCOSE, "14743-9", GLUCOSE,
            "2708-6", SPO2);

    static {
        add(BODY_WEIGHT, "Poids", "Body weight", "kg", List.of(UnitConversion.identity("kg"),
                UnitConversion.factor("g", "0.001"), UnitConversion.factor("[lb_av]", "0.45359237"),
                UnitConversion.factor("lb", "0.45359237")), "0.2", "500", "30", "200");
        add(SPO2, "SpO2", "SpO2", "%", List.of(UnitConversion.identity("%")), "30", "100", "88", "100");
        add(HEART_RATE, "Fréquence cardiaque", "Heart rate", "/min", List.of(UnitConversion.identity("/min"),
                UnitConversion.identity("{beats}/min")), "10", "300", "45", "120");
        add(SYSTOLIC, "Pression artérielle systolique", "Systolic blood pressure", "mm[Hg]",
                List.of(UnitConversion.identity("mm[Hg]"), UnitConversion.factor("cm[Hg]", "10")), "40", "300", "90", "180");
        add(DIASTOLIC, "Pression artérielle diastolique", "Diastolic blood pressure", "mm[Hg]",
                List.of(UnitConversion.identity("mm[Hg]"), UnitConversion.factor("cm[Hg]", "10")), "20", "200", "50", "110");
        add(RESPIRATORY_RATE, "Fréquence respiratoire", "Respiratory rate", "/min", List.of(UnitConversion.identity("/min"),
                UnitConversion.identity("{breaths}/min")), "2", "80", "10", "24");
        add(BODY_TEMPERATURE, "Température", "Body temperature", "Cel", List.of(UnitConversion.identity("Cel"),
                // °F to °C: (F - 32) × 5/9 = F × 5/9 - 160/9
                new UnitConversion("[degF]", new BigDecimal(5).divide(new BigDecimal(9), UnitConversion.PRECISION),
                        new BigDecimal(-160).divide(new BigDecimal(9), UnitConversion.PRECISION))), "25", "45", "35.5", "38.5");
        add(GLUCOSE, "Glycémie capillaire", "Capillary blood glucose", "g/L", List.of(UnitConversion.identity("g/L"),
                UnitConversion.factor("mg/dL", "0.01"), UnitConversion.factor("mmol/L", GLUCOSE_G_PER_MMOL)), "0.1", "10", "0.7", "2.5");
        add(PHQ9_TOTAL, "Score PHQ-9", "PHQ-9 total score", "{score}", List.of(UnitConversion.identity("{score}")), "0", "27", "0", "27");
        add(GAD7_TOTAL, "Score GAD-7", "GAD-7 total score", "{score}", List.of(UnitConversion.identity("{score}")), "0", "21", "0", "21");
        add(PAIN_SEVERITY, "Douleur (échelle numérique de 0 à 10)", "Pain severity (0-10 numeric rating)", "{score}",
                List.of(UnitConversion.identity("{score}")), "0", "10", "0", "10");
    }

    private MeasureCatalog() {
    }

    private static void add(String code, String fr, String en, String unit, List<UnitConversion> units,
                            String possibleMin, String possibleMax, String usualMin, String usualMax) {
        TYPES.put(code, new MeasureType(code, new LocalizedText(fr, en), unit, units, new BigDecimal(possibleMin),
                new BigDecimal(possibleMax), new BigDecimal(usualMin), new BigDecimal(usualMax)));
    }

    public static Optional<MeasureType> find(String code) {
        return Optional.ofNullable(TYPES.get(code));
    }

    /** The code Relais keeps a measure under, for a LOINC code another system wrote (itself when it has no other). */
    public static String relaisCode(String loinc) {
        return loinc == null ? null : OTHER_CODES.getOrDefault(loinc, loinc);
    }

    public static MeasureType get(String input, String code) {
        return find(code).orElseThrow(() -> new BadInputException(input, "measure.unknownCode", String.valueOf(code),
                String.join(", ", TYPES.keySet())));
    }

    public static List<MeasureType> all() {
        return List.copyOf(TYPES.values());
    }
}
