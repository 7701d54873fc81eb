package fr.relais.core.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of French communes by their INSEE code, so that a birthplace reads "Brest", not "29019". The list
 * (communes-insee.tsv: code, tab, name) is the INSEE Code officiel géographique as Etalab publishes it on data.gouv.fr
 * (current communes, Paris/Lyon/Marseille arrondissements, delegated and associated communes); see docs/sync.md,
 * "Birthplaces". Read once, on first use.
 */
public final class InseeCommunes {
    private static final String RESOURCE = "communes-insee.tsv";
    private static volatile Map<String, String> names;

    private InseeCommunes() {
    }

    /** The commune's name, when the code is one of the list. */
    public static Optional<String> name(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(all().get(code));
    }

    private static Map<String, String> all() {
        Map<String, String> loaded = names;
        if (loaded == null) {
            synchronized (InseeCommunes.class) {
                if (names == null) {
                    names = read();
                }
                loaded = names;
            }
        }
        return loaded;
    }

    private static Map<String, String> read() {
        Map<String, String> read = new HashMap<>(64_000);
        try (InputStream in = InseeCommunes.class.getResourceAsStream(RESOURCE);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    read.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The INSEE commune list shipped with Relais cannot be read", e);
        }
        return Map.copyOf(read);
    }
}
