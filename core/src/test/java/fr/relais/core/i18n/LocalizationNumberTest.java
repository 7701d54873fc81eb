package fr.relais.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Measured values in the reader's language: the decimal separator changes, the digits never do. */
class LocalizationNumberTest {
    private final Localization fr = Localization.of("fr.relais.core.i18n.errors", Language.FR);
    private final Localization en = Localization.of("fr.relais.core.i18n.errors", Language.EN);

    @Test
    void decimalsTakeTheLanguagesSeparatorAndKeepEveryDigit() {
        assertThat(fr.number(new BigDecimal("74.60"))).isEqualTo("74,60");
        assertThat(en.number(new BigDecimal("74.60"))).isEqualTo("74.60");
        assertThat(fr.number("2.6")).isEqualTo("2,6");
        assertThat(fr.number("-0.5")).isEqualTo("-0,5");
        assertThat(fr.number("12000")).as("no grouping").isEqualTo("12000");
        assertThat(fr.number("1E+2")).isEqualTo("100");
        assertThat(fr.number("P3D")).as("not a number: as is").isEqualTo("P3D");
        assertThat(fr.number(null)).isEmpty();
    }
}
