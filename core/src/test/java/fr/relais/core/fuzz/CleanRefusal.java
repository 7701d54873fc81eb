package fr.relais.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a refusal of bad input must look like to the nurse who reads it (issue 23): a French sentence that names the
 * input, with no exception class name, no SQL, no text of a library (parser positions, HAPI codes, Java's own
 * messages) and no English reason slipped in. Shared by the fuzz properties of every module.
 */
public final class CleanRefusal {
    /** Traces of a raw exception, of SQL or of a library's own wording. */
    private static final List<Pattern> RAW = List.of(
            Pattern.compile("[A-Za-z]+(Exception|Error)\\b"),
            Pattern.compile("\\bHAPI-\\d+"),
            Pattern.compile("\\bSQL(ITE)?\\b|\\bSELECT\\b|\\bINSERT INTO\\b|\\bjooq\\b", Pattern.CASE_INSENSITIVE),
            Pattern.compile("\\b(java|javax|org|com|ca|net)\\.[a-z]+\\.[A-Za-z]"),
            Pattern.compile("\\tat |\\[Source:|line: \\d+, column: \\d+"),
            // Java's and the parsers' own English (DateTimeParseException, NumberFormatException, Jackson, commons-csv).
            Pattern.compile("could not be parsed|For input string|Unexpected character|Unrecognized|Cannot deserialize|"
                    + "Invalid value for|No enum constant|out of bounds|must not be null|is not a valid|Unexpected end|"
                    + "Illegal|unexpected token|invalid char between encapsulated|"
                    // picocli's own English for a command line it cannot parse.
                    + "Missing required|Unknown option|Unmatched argument|Expected parameter|mutually exclusive"));

    private CleanRefusal() {
    }

    /** {@code text} shows no raw exception, SQL or library wording. */
    public static void assertNoRawText(String what, String text) {
        for (Pattern p : RAW) {
            assertThat(p.matcher(text).find()).as("%s: raw text (%s) in %s", what, p.pattern(), text).isFalse();
        }
    }

    /** A refusal names its input and says why in French (and English), without raw text. */
    public static void assertClean(String what, BadInputException e) {
        assertThat(e.input()).as("the refusal names the input: " + what).isNotBlank();
        String fr = e.message(Language.FR);
        assertThat(e.reason(Language.FR)).as("a French reason: " + what).isNotBlank().doesNotContain(e.reasonKey());
        assertThat(e.reason(Language.EN)).as("an English reason: " + what).isNotBlank();
        assertNoRawText(what, fr);
    }
}
