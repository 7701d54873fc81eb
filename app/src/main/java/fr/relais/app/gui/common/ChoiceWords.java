package fr.relais.app.gui.common;

import java.util.function.Function;
import javafx.util.StringConverter;

/**
 * How a choice box shows its values: each in words (never an enum name), and a chosen word for "none". The boxes are
 * not editable, so nothing typed is ever read back into a value.
 */
public final class ChoiceWords<T> extends StringConverter<T> {
    private final Function<? super T, String> words;
    private final String none;

    private ChoiceWords(Function<? super T, String> words, String none) {
        this.words = words;
        this.none = none;
    }

    /** Each value in words; no value, an empty line. */
    public static <T> StringConverter<T> of(Function<? super T, String> words) {
        return new ChoiceWords<>(words, "");
    }

    /** Each value in words; no value, {@code none} ("Toutes les professions"). */
    public static <T> StringConverter<T> of(Function<? super T, String> words, String none) {
        return new ChoiceWords<>(words, none);
    }

    @Override
    public String toString(T value) {
        return value == null ? none : words.apply(value);
    }

    @Override
    public T fromString(String typed) {
        return null;
    }
}
