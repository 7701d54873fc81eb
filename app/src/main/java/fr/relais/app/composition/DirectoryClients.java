package fr.relais.app.composition;

import fr.relais.sync.annuaire.AnnuaireClient;
import fr.relais.sync.annuaire.AnnuaireSettings;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the Annuaire Santé's client (ADR 2): the one place that does, for both front ends. The client is made when
 * a search goes online, from the settings read then: the command line's options over the environment, the desktop's
 * environment; settings without an API key are refused then, with the reason, not when the window opens.
 */
public final class DirectoryClients {
    private final Clock clock;

    public DirectoryClients(Clock clock) {
        this.clock = clock;
    }

    /** A client with the given settings, on the run's clock (its rate limit and the cache's dates). */
    public AnnuaireClient with(AnnuaireSettings settings) {
        return new AnnuaireClient(settings, clock);
    }

    /** The desktop's client: URL and key from the environment (see the administrator guide), read at each search. */
    public Supplier<AnnuaireClient> fromEnvironment(Map<String, String> env) {
        return () -> with(AnnuaireSettings.from(null, null, env));
    }
}
