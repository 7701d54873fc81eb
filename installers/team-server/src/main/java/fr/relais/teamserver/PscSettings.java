package fr.relais.teamserver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * How the team server reaches Pro Santé Connect as the structure's "proxy LPS" (docs/team-server.md, "Pro Santé
 * Connect"): the provider's discovery document (sandbox or production: configuration, never code), the client the ANS
 * registered for the structure, and which teams each professional's national id belongs to. The client secret stays
 * here, on the server: the desktop never holds it.
 *
 * @param discovery     the provider's discovery document; PSC names it {@code .well-known/wallet-openid-configuration}
 * @param clientId      the client id the ANS gave the structure
 * @param clientSecret  its secret (client_secret_basic)
 * @param scope         what is asked for ({@code openid scope_all} at PSC)
 * @param acr           the authentication level asked for and required in the ID token ({@code eidas1})
 * @param sessionLife   how long a session token of the team server is valid before it must be refreshed
 * @param teams         the teams of each professional, by national id ({@code 8} + RPPS)
 */
public record PscSettings(URI discovery, String clientId, String clientSecret, String scope, String acr,
                          Duration sessionLife, Map<String, Set<String>> teams) {

    /** Each key in {@code team-server.properties} and the environment variable that overrides it ({@link SettingsFile#variable}). */
    enum Key {
        DISCOVERY("psc.discovery"),
        CLIENT_ID("psc.client.id"),
        CLIENT_SECRET("psc.client.secret"),
        CLIENT_SECRET_FILE("psc.client.secret.file"),
        SCOPE("psc.scope"),
        ACR("psc.acr"),
        SESSION_MINUTES("psc.session.minutes"),
        TEAMS_FILE("psc.teams.file");

        final String property;

        Key(String property) {
            this.property = property;
        }
    }

    public static final String DEFAULT_SCOPE = "openid scope_all";
    public static final String DEFAULT_ACR = "eidas1";
    public static final Duration DEFAULT_SESSION_LIFE = Duration.ofMinutes(5);

    public PscSettings {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalArgumentException("Pro Santé Connect needs " + Key.CLIENT_ID.property + " and "
                    + Key.CLIENT_SECRET_FILE.property + " (or " + SettingsFile.variable(Key.CLIENT_SECRET.property) + ")");
        }
        if (sessionLife.isNegative() || sessionLife.isZero()) {
            throw new IllegalArgumentException(Key.SESSION_MINUTES.property + " must be at least one minute");
        }
        teams = Map.copyOf(teams);
    }

    /** The teams of the professional of {@code nationalId}: none when the file does not name them. */
    public Set<String> teamsOf(String nationalId) {
        return teams.getOrDefault(nationalId, Set.of());
    }

    /**
     * The Pro Santé Connect settings of {@code file} overridden by {@code environment}; empty when no discovery
     * document is configured (the server then has no {@code /psc} endpoints).
     */
    public static Optional<PscSettings> load(Path file, Map<String, String> environment) {
        Map<Key, String> values = SettingsFile.values(Key.class, key -> key.property, file, environment);
        if (!values.containsKey(Key.DISCOVERY)) {
            return Optional.empty();
        }
        String secret = values.containsKey(Key.CLIENT_SECRET_FILE)
                ? SettingsFile.secret(Path.of(values.get(Key.CLIENT_SECRET_FILE)), "the Pro Santé Connect client secret")
                : values.get(Key.CLIENT_SECRET);
        Duration life = Duration.ofMinutes(SettingsFile.number(Key.SESSION_MINUTES.property,
                values.getOrDefault(Key.SESSION_MINUTES, String.valueOf(DEFAULT_SESSION_LIFE.toMinutes()))));
        Map<String, Set<String>> teams = values.containsKey(Key.TEAMS_FILE)
                ? teams(SettingsFile.read(Path.of(values.get(Key.TEAMS_FILE)))) : Map.of();
        return Optional.of(new PscSettings(URI.create(values.get(Key.DISCOVERY)), values.get(Key.CLIENT_ID), secret,
                values.getOrDefault(Key.SCOPE, DEFAULT_SCOPE), values.getOrDefault(Key.ACR, DEFAULT_ACR), life, teams));
    }

    /** {@code 810001234567=cabinet-leroux,cpts-nord}: one line per professional. */
    private static Map<String, Set<String>> teams(Properties file) {
        Map<String, Set<String>> teams = new LinkedHashMap<>();
        for (String nationalId : file.stringPropertyNames()) {
            Set<String> names = new LinkedHashSet<>();
            Arrays.stream(file.getProperty(nationalId).split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
            teams.put(nationalId.strip(), Set.copyOf(names));
        }
        return teams;
    }

    @Override
    public String toString() {
        return "PscSettings[" + discovery + ", client=" + clientId + ", scope=" + scope + ", acr=" + acr + ", session="
                + sessionLife.toMinutes() + " min, " + teams.size() + " professionals with teams]";
    }
}
