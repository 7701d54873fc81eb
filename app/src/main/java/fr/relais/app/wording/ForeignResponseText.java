package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import fr.relais.core.questionnaire.ForeignResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response to another tool's questionnaire as the patient file shows it: a heading (when, which questionnaire, who)
 * then one line per question with its answer, as answered (Relais does not score it).
 */
public final class ForeignResponseText {
    /** The answers sit under their heading (a bundle value cannot start with spaces: properties drop them). */
    private static final String INDENT = "    ";
    private ForeignResponseText() {
    }

    public static List<String> lines(ForeignResponse r, Localization texts, DateTimeFormatter when) {
        List<String> lines = new ArrayList<>();
        String at = r.authoredAt() == null ? "-" : when.format(r.authoredAt());
        String author = r.author() == null ? texts.text("questionnaire.foreign.noAuthor") : r.author();
        lines.add(texts.text(r.enteredInError() ? "questionnaire.foreign.headingInError" : "questionnaire.foreign.heading", at,
                name(r.questionnaire()), author));
        for (ForeignResponse.Answer a : r.answers()) {
            lines.add(INDENT + texts.text("questionnaire.foreign.answer", question(a.question(), texts), answer(a.answer(), texts)));
        }
        return lines;
    }

    /** The questionnaire's name: the last part of its canonical URL, without the version. */
    static String name(String canonical) {
        if (canonical == null || canonical.isBlank()) {
            return "?";
        }
        String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.isEmpty() ? url : last;
    }

    /**
     * A question asked after a yes/no answer carries that answer in its heading as the sync read it ("Orthopnée (true) ›
     * Depuis quand ?"): the answer is put in words there too.
     */
    private static String question(String text, Localization texts) {
        Matcher m = ASKED_AFTER.matcher(text);
        StringBuilder worded = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(worded, Matcher.quoteReplacement("(" + texts.text("questionnaire.foreign." + m.group(1)) + ")"));
        }
        return m.appendTail(worded).toString();
    }

    /** A yes/no in words; a number (a quantity: "58.5 kg") with the language's decimal separator ("58,5 kg"). */
    private static String answer(String text, Localization texts) {
        if ("true".equals(text) || "false".equals(text)) {
            return texts.text("questionnaire.foreign." + text);
        }
        Matcher number = NUMBER.matcher(text);
        if (number.matches()) {
            return texts.number(number.group(1)) + (number.group(2) == null ? "" : number.group(2));
        }
        return text.isEmpty() ? texts.text("questionnaire.foreign.noAnswer") : text;
    }

    /** The answer a nested question was asked after, as the sync wrote it ("(true)"). */
    private static final Pattern ASKED_AFTER = Pattern.compile("\\((true|false)\\)");
    /** A number, alone or followed by its unit, as the sync wrote a quantity or a decimal answer. */
    private static final Pattern NUMBER = Pattern.compile("(-?\\d+\\.\\d+)(\\s.*)?", Pattern.DOTALL);
}
