package fr.relais.core.measure;

import fr.relais.core.i18n.LocalizedText;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A kind of measure Relais knows: LOINC code, canonical UCUM unit, the units it converts exactly, and two ranges:
 * outside {@code possible} a value is impossible and refused; outside {@code usual} it is accepted and flagged.
 */
public record MeasureType(String code, LocalizedText name, String unit, List<UnitConversion> units,
                          BigDecimal possibleMin, BigDecimal possibleMax, BigDecimal usualMin, BigDecimal usualMax) {

    public Optional<UnitConversion> conversionFrom(String unit) {
        return units.stream().filter(u -> u.unit().equals(unit)).findFirst();
    }

    public List<String> unitNames() {
        return units.stream().map(UnitConversion::unit).toList();
    }
}
