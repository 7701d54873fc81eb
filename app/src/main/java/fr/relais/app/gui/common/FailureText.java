package fr.relais.app.gui.common;

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
        if (failure instanceof BadInputException bad) {
            return bad.message(language);
        }
        if (failure instanceof fr.relais.core.session.AccessDeniedException denied) {
            return denied.message(language);
        }
        return texts.text("error.unexpected");
    }
}
