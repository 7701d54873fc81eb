package fr.relais.core.measure;

import fr.relais.core.error.BadInputException;
import java.math.BigDecimal;

/** A value checked and converted to the canonical unit of its code, and whether it is outside the usual range. */
public record MeasureValue(MeasureType type, BigDecimal value, boolean unusual) {

    /**
     * Reads {@code text} in {@code unit} for {@code code}: an unknown code or unit, a value that is not a number, or
     * an impossible value is refused, naming {@code input} and the reason.
     */
    public static MeasureValue of(String input, String code, String text, String unit) {
        String prefix = input.isEmpty() ? "" : input + ".";
        MeasureType type = MeasureCatalog.get(prefix + "code", code);
        UnitConversion conversion = type.conversionFrom(unit == null ? "" : unit.trim())
                .orElseThrow(() -> new BadInputException(prefix + "unit", "measure.unit", String.valueOf(unit), code,
                        String.join(", ", type.unitNames())));
        BigDecimal raw;
        try {
            raw = new BigDecimal(text.trim().replace(',', '.'));
        } catch (NumberFormatException | NullPointerException e) {
            throw new BadInputException(prefix + "value", "measure.notANumber", String.valueOf(text));
        }
        BigDecimal canonical = conversion.toCanonical(raw);
        if (canonical.compareTo(type.possibleMin()) < 0 || canonical.compareTo(type.possibleMax()) > 0) {
            throw new BadInputException(prefix + "value", "measure.impossible", text + " " + unit, type.code(),
                    type.possibleMin().toPlainString(), type.possibleMax().toPlainString(), type.unit());
        }
        boolean unusual = canonical.compareTo(type.usualMin()) < 0 || canonical.compareTo(type.usualMax()) > 0;
        return new MeasureValue(type, canonical, unusual);
    }
}
