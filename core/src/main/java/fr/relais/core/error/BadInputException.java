package fr.relais.core.error;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.List;

/**
 * Input that Relais refuses: it names the input (a field, a file and line, a JSON path) and the reason, as a message
 * key of the core bundle so the user reads it in their language. Nothing has been written when it is thrown.
 */
public class BadInputException extends RuntimeException {
    public static final String BUNDLE = "fr.relais.core.i18n.errors";
    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reasonKey;
    private final transient List<Object> args;

    public BadInputException(String input, String reasonKey, Object... args) {
        super(input + ": " + reasonKey);
        this.input = input;
        this.reasonKey = reasonKey;
        this.args = List.of(args);
    }

    public String input() {
        return input;
    }

    public String reasonKey() {
        return reasonKey;
    }

    public List<Object> args() {
        return args;
    }

    /** The reason alone, in the given language (a {@link Reason} among the arguments in that language too). */
    public String reason(Language language) {
        return Localization.of(BUNDLE, language).text(reasonKey, args.stream()
                .map(a -> a instanceof Reason r ? r.text(language) : a).toArray());
    }

    /**
     * A reason given as an argument of another, translated with it: what was wrong inside a record, in the reader's
     * language, where a library's own message (English, with its class names) would otherwise be shown.
     */
    public record Reason(String key, List<Object> args) {
        public Reason(String key, Object... args) {
            this(key, List.of(args));
        }

        /** The reason in {@code language}, a nested reason (a refusal's cause) in that language too, not its English. */
        public String text(Language language) {
            return Localization.of(BUNDLE, language).text(key, args.stream().map(a -> a instanceof Reason r ? r.text(language) : a).toArray());
        }

        /** The reason of a refusal, to give as the argument of another. */
        public static Reason of(BadInputException e) {
            return new Reason(e.reasonKey(), e.args());
        }

        @Override
        public String toString() {
            return text(Language.EN);
        }
    }

    /** "input: reason", in the given language. */
    public String message(Language language) {
        return input + ": " + reason(language);
    }

    @Override
    public String getMessage() {
        return message(Language.EN);
    }
}
