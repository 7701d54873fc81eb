package fr.relais.core.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;

/** The wording bundle (fr.relais.core.i18n.wording, French and English): the one place engine values get their words. */
final class WordingBundle {
    static final String NAME = "fr.relais.core.i18n.wording";

    private WordingBundle() {
    }

    static Localization of(Language language) {
        return Localization.of(NAME, language);
    }
}
