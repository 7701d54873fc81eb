package fr.relais.core.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * A definition file that is not JSON, said in the reader's words: where (line and column) and which of three things
 * went wrong (the file stops early, a text is beyond the reader's limits, a character is out of place). Jackson's own
 * message ("Unexpected character ('{' (code 123)): was expecting double-quote...") is English with codes; the fuzz
 * campaign of issue 23 found it inside French refusals.
 */
public final class JsonSyntax {
    private JsonSyntax() {
    }

    /** The problem at {@code $} for a definition's list of errors. */
    public static DefinitionError error(JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        if (e instanceof JsonEOFException) {
            return new DefinitionError("$", "template.json.end", line);
        }
        if (e instanceof StreamConstraintsException || line <= 0) {
            // Past the reader's limits (size, nesting) Jackson knows no useful line
            return new DefinitionError("$", "template.jsonLimits");
        }
        return new DefinitionError("$", "template.json", line, column);
    }

    /** The same, as the refusal of a whole input ({@code source}: the file or record). */
    public static BadInputException refusal(String source, JsonProcessingException e) {
        DefinitionError error = error(e);
        return new BadInputException(source, error.key(), error.args().toArray());
    }
}
