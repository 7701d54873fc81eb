package fr.relais.core.questionnaire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The questionnaires shipped with Relais: free to use (PHQ-9, GAD-7, WHO-5, ESAS-r), in French and English. */
public final class QuestionnaireLibrary {
    /**
     * Every version shipped: a stored (id, version) never changes, so the versions before the score rules (v1/) stay
     * for the responses recorded with them, here and on the team's other workstations.
     */
    static final List<String> FILES = List.of("v1/phq-9.json", "v1/gad-7.json", "v1/who-5.json", "phq-9.json", "gad-7.json",
            "who-5.json", "esas-r.json");

    private QuestionnaireLibrary() {
    }

    public static List<QuestionnaireParser.Parsed> builtIns() {
        return parse(files());
    }

    /** The shipped files' text by file name, in {@link #FILES}' order: what a store's built-in fingerprint covers. */
    public static Map<String, String> files() {
        return fr.relais.core.pathway.TemplateLibrary.read(QuestionnaireLibrary.class, FILES);
    }

    /** The questionnaires of {@code files} (file name to text), parsed in their order. */
    public static List<QuestionnaireParser.Parsed> parse(Map<String, String> files) {
        List<QuestionnaireParser.Parsed> list = new ArrayList<>();
        files.forEach((file, json) -> list.add(QuestionnaireParser.parse(file, json)));
        return list;
    }
}
