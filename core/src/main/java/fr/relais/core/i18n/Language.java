package fr.relais.core.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages Relais speaks. French is the default everywhere. */
public enum Language {
    FR(Locale.FRANCE),
    EN(Locale.UK);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language language : values()) {
            if (language.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
