package fr.relais.core.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Malformed variants of a valid file: a few random edits (a character deleted, inserted or replaced, the file cut
 * short, a value swapped for a wrong-typed one), the way files get damaged by hand edits and truncated copies.
 */
public final class Mutations {
    private static final List<String> ODD_VALUES = List.of("null", "-1", "1e999", "\"\"", "[]", "{}", "true", "\"é\\u0000\"",
            "\"2026-13-45\"", "\"P-3D\"", "99999999999999999999", "\"../../etc/passwd\"");

    private Mutations() {
    }

    private record Edit(int kind, double at, char c, int odd) {
    }

    public static Arbitrary<String> of(String valid) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
                Arbitraries.chars().with('{', '}', '[', ']', '"', ',', ':', '\\', '0', 'a', ' ', '\n', 'é'),
                Arbitraries.integers().between(0, ODD_VALUES.size() - 1)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(3).map(edits -> {
            String s = valid;
            for (Edit e : edits) {
                s = apply(s, e);
            }
            return s;
        });
    }

    private static String apply(String s, Edit e) {
        if (s.isEmpty()) {
            return String.valueOf(e.c());
        }
        int at = (int) (e.at() * (s.length() - 1));
        return switch (e.kind()) {
            case 0 -> s.substring(0, at) + s.substring(at + 1);
            case 1 -> s.substring(0, at) + e.c() + s.substring(at);
            case 2 -> s.substring(0, at);
            case 3 -> s.substring(0, at) + e.c() + s.substring(at + 1);
            default -> replaceValue(s, at, ODD_VALUES.get(e.odd()));
        };
    }

    /** Replaces the JSON value after the first colon from {@code at} by a value of the wrong kind. */
    private static String replaceValue(String s, int at, String odd) {
        int colon = s.indexOf(':', at);
        if (colon < 0) {
            return s;
        }
        int end = colon + 1;
        while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != '}' && s.charAt(end) != '\n') {
            end++;
        }
        return s.substring(0, colon + 1) + " " + odd + s.substring(end);
    }
}
