package fr.relais.core.identity;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares names the way identity vigilance does: case, accents, hyphens, apostrophes and extra spaces do not make
 * two names different ("Lefèvre-D'Arc" = "LEFEVRE D ARC").
 */
public final class NameKey {
    private NameKey() {
    }

    public static String of(String name) {
        if (name == null) {
            return "";
        }
        String stripped = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return stripped.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim();
    }
}
