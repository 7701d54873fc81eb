package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;
import fr.relais.core.questionnaire.ForeignResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

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
            lines.add(INDENT + texts.text("questionnaire.foreign.answer", a.question(), answer(a.answer(), texts)));
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

    private static String answer(String text, Localization texts) {
        if ("true".equals(text) || "false".equals(text)) {
            return texts.text("questionnaire.foreign." + text);
        }
        return text.isEmpty() ? texts.text("questionnaire.foreign.noAnswer") : text;
    }
}
