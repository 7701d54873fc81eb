package fr.relais.app.cli;

import fr.relais.app.wording.SyncPhaseText;
import fr.relais.core.i18n.Localization;
import fr.relais.sync.engine.SyncProgress;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

/**
 * The progress of {@code relais sync} on stderr, each step said once. The engine reports every page and every kind
 * it reads (two kinds are read as CarePlans, kinds without words of their own share "Autres enregistrements
 * reçus", an empty push reports "Envoyés : 0" per round): a line the nurse has already read is not printed again.
 */
final class SyncProgressLines implements SyncProgress {
    private final PrintWriter err;
    private final Localization texts;
    private final Set<String> printed = new HashSet<>();

    SyncProgressLines(PrintWriter err, Localization texts) {
        this.err = err;
        this.texts = texts;
    }

    @Override
    public void update(String phase, int done) {
        String line = SyncPhaseText.of(phase, done, texts);
        if (printed.add(line)) {
            err.println(line);
        }
    }
}
