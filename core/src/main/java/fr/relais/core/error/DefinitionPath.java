package fr.relais.core.error;

import fr.relais.core.i18n.Localization;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON path of a definition file ({@code steps[3].recurrence.every}) said in words ("étape 4, récurrence
 * (« recurrence »), intervalle (« every »)"): list items are numbered from 1 as people count, each field is named in the
 * user's language with its name in the file beside it, so the author finds it. A field without words of its own keeps
 * its name, quoted. A language without these words (English) keeps the path as it is.
 */
public final class DefinitionPath {
    private static final Pattern SEGMENT = Pattern.compile("([^\\[]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private DefinitionPath() {
    }

    public static String words(String path, Localization texts) {
        if (optional(texts, "path.root") == null) {
            return path;
        }
        if (path == null || path.isEmpty() || "$".equals(path)) {
            return texts.text("path.root");
        }
        List<String> words = new ArrayList<>();
        for (String segment : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(segment);
            if (!m.matches()) {
                words.add(quoted(segment, texts));
                continue;
            }
            String name = m.group(1);
            Matcher index = INDEX.matcher(m.group(2));
            boolean first = true;
            while (index.find()) {
                int number = Integer.parseInt(index.group(1)) + 1;
                words.add(first ? item(name, number, texts) : texts.text("path.nth", number));
                first = false;
            }
            if (first) {
                words.add(field(name, texts));
            }
        }
        return String.join(", ", words);
    }

    private static String item(String name, int number, Localization texts) {
        String words = optional(texts, "path.item." + name, number);
        return words != null ? words : texts.text("path.unknownItem", name, number);
    }

    private static String field(String name, Localization texts) {
        String words = optional(texts, "path.field." + name);
        return words != null ? texts.text("path.named", words, name) : quoted(name, texts);
    }

    private static String quoted(String name, Localization texts) {
        return texts.text("path.unknownField", name);
    }

    private static String optional(Localization texts, String key, Object... args) {
        try {
            return texts.text(key, args);
        } catch (IllegalStateException | MissingResourceException e) {
            return null;
        }
    }
}
