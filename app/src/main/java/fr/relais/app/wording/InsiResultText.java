package fr.relais.app.wording;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.wording.StatusWords;
import fr.relais.sync.insi.InsiService;
import fr.relais.sync.insi.TraitDifference;
import java.util.ArrayList;
import java.util.List;

/** What an INSi call gave, in the nurse's words: the outcome and what to do, then each differing trait on its own line. */
public final class InsiResultText {
    private InsiResultText() {
    }

    public static List<String> lines(InsiService.Result result, Localization texts, Language language) {
        StatusWords words = new StatusWords(language);
        List<String> lines = new ArrayList<>();
        lines.add(texts.text("insi.outcome." + result.outcome().name(), words.identityLevel(result.before().status()),
                words.identityLevel(result.after().status())));
        for (TraitDifference d : result.differences()) {
            lines.add(texts.text("insi.difference", texts.text("insi.trait." + d.trait().name()), d.file(), d.reference()));
        }
        return lines;
    }
}
