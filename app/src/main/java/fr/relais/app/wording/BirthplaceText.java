package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.InseeCommunes;

/**
 * A birthplace as a person reads it: the commune's name ("Brest") from the INSEE list; a code the list does not hold
 * says what it is in words ("commune INSEE 29999", "pays ou territoire étranger, code INSEE 99134"), never a bare code.
 */
public final class BirthplaceText {
    /** INSEE codes of countries and territories abroad start with 99 (birth outside France). */
    private static final String ABROAD = "99";

    private BirthplaceText() {
    }

    public static String of(String inseeCode, Localization texts) {
        if (inseeCode == null || inseeCode.isBlank()) {
            return "-";
        }
        return InseeCommunes.name(inseeCode).orElseGet(() -> texts.text(inseeCode.startsWith(ABROAD)
                ? "birthplace.abroad" : "birthplace.unknownCommune", inseeCode));
    }
}
