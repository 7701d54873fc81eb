package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import fr.relais.core.wording.Quantities;
import java.math.BigDecimal;

/**
 * A measured value as a clinician writes it, the number alone (the unit has its own column): rounded as
 * {@link Quantities#clinical} does (74.84274105 kg converted from pounds reads 74,8; 74.60 typed stays 74,60), with
 * the language's decimal separator.
 */
public final class MeasureValueText {
    private MeasureValueText() {
    }

    public static String of(BigDecimal value, String unit, Localization texts) {
        if (value == null) {
            return "";
        }
        return texts.number(Quantities.clinical(value, unit).toPlainString());
    }
}
