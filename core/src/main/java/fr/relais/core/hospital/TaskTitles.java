package fr.relais.core.hospital;

import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The worklist items' titles hospital events create, in French and English, from the hospital bundle: each made once
 * for its key, facility and day, then kept. A hospital's messages of a day share their titles (the same facility, the
 * same day), and each message's items are made inside its transaction, under the ADT listener's group commit
 * (docs/benchmarks.md, "Twelfth pass: ADT listener"): the bundle's look-up and its pattern's parse were a part of each
 * message's work there. At most {@link #KEPT} titles are kept; past that they are all forgotten and made again.
 */
final class TaskTitles {
    static final int KEPT = 512;

    /** A title in both languages. */
    record Title(String fr, String en) {
    }

    private record Key(String key, String facility, String day) {
    }

    private final String bundle;
    private final Map<Key, Title> made = new ConcurrentHashMap<>();

    TaskTitles(String bundle) {
        this.bundle = bundle;
    }

    /** The title of {@code key} for {@code facility} and {@code day} (as the item shows it), in both languages. */
    Title of(String key, String facility, String day) {
        Key k = new Key(key, facility, day);
        Title title = made.get(k);
        if (title == null) {
            if (made.size() >= KEPT) {
                made.clear();
            }
            title = new Title(Localization.of(bundle, Language.FR).text(key, facility, day), Localization.of(bundle, Language.EN).text(key, facility, day));
            made.put(k, title);
        }
        return title;
    }
}
