package fr.relais.core.measure;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;

/** A refused row of an import file: its line number and why ("ligne 12 : value: ..."). */
public record ImportRowError(long line, BadInputException error) {
    public String message(Language language) {
        return Localization.of(BadInputException.BUNDLE, language).text("import.line", String.valueOf(line))
                + (error.input().isEmpty() ? error.reason(language) : error.message(language));
    }
}
