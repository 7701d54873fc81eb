package fr.relais.core.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        List<QuestionnaireParser.Parsed> list = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = QuestionnaireLibrary.class.getResourceAsStream("library/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Built-in questionnaire missing from the build: " + file);
                }
                list.add(QuestionnaireParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return list;
    }
}
