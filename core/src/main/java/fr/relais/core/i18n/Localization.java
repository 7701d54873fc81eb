package fr.relais.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Texts of one resource bundle in one language. The JVM's default locale is deliberately not a fallback: a French
 * nurse on an English-configured machine still gets French, and a missing key is a bug that tests must see.
 */
public final class Localization {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Localization(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    public static Localization of(String baseName, Language language) {
        return new Localization(ResourceBundle.getBundle(baseName, language.locale(), NO_FALLBACK), language.locale());
    }

    public Locale locale() {
        return locale;
    }

    /**
     * A name as written inside a sentence: a capitalised word is lower-cased ("Poids" → "poids"), never an acronym
     * ("SpO2", "PHQ-9").
     */
    public static String inSentence(String name) {
        String first = name.split(" ", 2)[0];
        boolean capitalised = first.length() > 1 && Character.isUpperCase(first.charAt(0))
                && first.substring(1).chars().allMatch(Character::isLowerCase);
        return capitalised ? name.substring(0, 1).toLowerCase(Locale.ROOT) + name.substring(1) : name;
    }

    /** A word as it starts a line, a column's cell or a choice ("femme" → "Femme"). */
    public static String capitalized(String word) {
        return word == null || word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** Whether the bundle has a text for {@code key} (for open-ended codes: a unit, an audit action). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, with {@link MessageFormat} arguments. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Missing text '" + key + "' in " + bundle.getBaseBundleName() + " (" + locale + ")", e);
        }
        // Always through MessageFormat, so that '' means ' whether or not the text takes arguments.
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * A measured value as the reader writes it: every digit kept (74.60 stays 74.60: it is what was measured), the
     * decimal separator of the language (74,6 in French), no grouping. Text that is not a number is returned as is.
     */
    public String number(Object value) {
        if (value == null) {
            return "";
        }
        String plain;
        try {
            plain = new java.math.BigDecimal(value.toString().strip()).toPlainString();
        } catch (NumberFormatException e) {
            return value.toString();
        }
        char separator = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return plain.replace('.', separator);
    }
}
