package fr.relais.core.measure;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An exact conversion from one UCUM unit to a measure's canonical unit: canonical = value × factor + offset.
 * Factors are definitions (1 lb = 0.45359237 kg exactly) or physical constants stated once here, never guesses.
 */
public record UnitConversion(String unit, BigDecimal factor, BigDecimal offset) {
    static final MathContext PRECISION = MathContext.DECIMAL64;

    static UnitConversion identity(String unit) {
        return new UnitConversion(unit, BigDecimal.ONE, BigDecimal.ZERO);
    }

    static UnitConversion factor(String unit, String factor) {
        return new UnitConversion(unit, new BigDecimal(factor), BigDecimal.ZERO);
    }

    BigDecimal toCanonical(BigDecimal value) {
        return value.multiply(factor, PRECISION).add(offset, PRECISION).stripTrailingZeros();
    }
}
