package fr.relais.core.error;

import fr.relais.core.i18n.Language;
import java.util.List;
import java.util.stream.Collectors;

/** Bad input refused as a whole with several reasons (template problems, import rows): one indented line each. */
public abstract class DetailedBadInputException extends BadInputException {
    private static final long serialVersionUID = 1L;

    protected DetailedBadInputException(String input, String reasonKey, Object... args) {
        super(input, reasonKey, args);
    }

    /** Each reason on its own line, in the given language. */
    public abstract List<String> lines(Language language);

    @Override
    public String message(Language language) {
        return super.message(language) + System.lineSeparator()
                + lines(language).stream().map(l -> "  " + l).collect(Collectors.joining(System.lineSeparator()));
    }
}
