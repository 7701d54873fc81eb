package fr.relais.app.gui;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;

/**
 * What a screen says when background work fails: the named input and reason of a refusal, in the user's language;
 * otherwise that something unexpected happened and the log has the detail (the executor logged it).
 */
public final class FailureText {
    private FailureText() {
    }

    public static String of(Throwable failure, Localization texts, Language language) {
        return failure instanceof BadInputException bad ? bad.message(language)
                : texts.text("error.unexpected", failure.getClass().getSimpleName());
    }
}
