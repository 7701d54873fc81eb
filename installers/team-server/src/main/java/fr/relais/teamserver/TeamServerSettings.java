package fr.relais.teamserver;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the team server runs: its database, its port, the OpenID Connect issuer whose tokens it accepts and the tag that
 * marks a team's records. Read from {@code team-server.properties}, each key overridden by its environment variable
 * (a systemd unit or a container sets those; a secret such as the database password is best given by the environment
 * or a file readable by the service only). Trial mode ({@code --trial}) replaces the database by an H2 file.
 *
 * @param jdbcUrl      the PostgreSQL database ({@code jdbc:postgresql://host:5432/relais})
 * @param issuer       the OpenID Connect issuer; its discovery document names the keys (JWKS) tokens are signed with
 * @param audience     when set, a token must name it in {@code aud} (the client id the issuer gives the server)
 * @param teamClaim    the token claim that lists the user's teams (a string or an array of strings)
 * @param adminRole    the value of the {@code relais_roles} claim that grants the whole server (exports, every team)
 * @param teamTagSystem the meta.tag system of team tags: Relais writes {@code urn:relais:team}
 */
public record TeamServerSettings(String jdbcUrl, String jdbcUser, String jdbcPassword, String bindAddress, int port,
                                 URI issuer, String audience, String teamClaim, String adminRole, String teamTagSystem,
                                 boolean trial) {

    /** Each setting: its key in the file and the environment variable that overrides it ({@link SettingsFile#variable}). */
    enum Key {
        JDBC_URL("jdbc.url"),
        JDBC_USER("jdbc.user"),
        JDBC_PASSWORD("jdbc.password"),
        JDBC_PASSWORD_FILE("jdbc.password.file"),
        BIND("bind"),
        PORT("port"),
        ISSUER("issuer"),
        AUDIENCE("audience"),
        TEAM_CLAIM("team.claim"),
        ADMIN_ROLE("admin.role"),
        TEAM_TAG_SYSTEM("team.tag.system"),
        TRIAL_DIRECTORY("trial.directory");

        final String property;

        Key(String property) {
            this.property = property;
        }
    }

    public static final String DEFAULT_TEAM_CLAIM = "relais_teams";
    public static final String DEFAULT_ADMIN_ROLE = "relais-admin";
    /** The tag system Relais writes on every record it pushes (RelaisFhir.TEAM_TAG_SYSTEM in sync). */
    public static final String DEFAULT_TEAM_TAG_SYSTEM = "urn:relais:team";
    public static final int DEFAULT_PORT = 8080;

    public TeamServerSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("No database: set " + Key.JDBC_URL.property + " in team-server.properties or "
                    + SettingsFile.variable(Key.JDBC_URL.property) + " (or start with --trial)");
        }
        if (issuer == null && !trial) {
            throw new IllegalArgumentException("No OpenID Connect issuer: set " + Key.ISSUER.property + " or " + SettingsFile.variable(Key.ISSUER.property));
        }
        if (issuer == null && !isLoopback(bindAddress)) {
            // A trial without an issuer has no access control: it must not be reachable from the network.
            throw new IllegalArgumentException("A trial without an issuer listens on 127.0.0.1 only, not " + bindAddress);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is outside 0-65535");
        }
    }

    /**
     * The settings of {@code file} (absent: none), each overridden by its environment variable in {@code environment};
     * {@code trial}: an H2 database in {@code trial.directory} (default: the working folder's {@code trial-data}).
     */
    public static TeamServerSettings load(Path file, Map<String, String> environment, boolean trial) {
        Map<Key, String> values = SettingsFile.values(Key.class, key -> key.property, file, environment);
        String password = values.containsKey(Key.JDBC_PASSWORD_FILE)
                ? SettingsFile.secret(Path.of(values.get(Key.JDBC_PASSWORD_FILE)), "the database password")
                : values.get(Key.JDBC_PASSWORD);
        String url = values.get(Key.JDBC_URL);
        String user = values.get(Key.JDBC_USER);
        if (trial) {
            Path directory = Path.of(values.getOrDefault(Key.TRIAL_DIRECTORY, "trial-data")).toAbsolutePath();
            url = "jdbc:h2:file:" + directory.resolve("relais-team-server");
            user = "sa";
            password = "";
        }
        int portNumber = SettingsFile.number(Key.PORT.property, values.getOrDefault(Key.PORT, String.valueOf(DEFAULT_PORT)));
        String issuer = values.get(Key.ISSUER);
        String bind = values.getOrDefault(Key.BIND, trial && issuer == null ? "127.0.0.1" : "0.0.0.0");
        return new TeamServerSettings(url, user, password, bind, portNumber,
                issuer == null ? null : URI.create(issuer), values.get(Key.AUDIENCE),
                values.getOrDefault(Key.TEAM_CLAIM, DEFAULT_TEAM_CLAIM), values.getOrDefault(Key.ADMIN_ROLE, DEFAULT_ADMIN_ROLE),
                values.getOrDefault(Key.TEAM_TAG_SYSTEM, DEFAULT_TEAM_TAG_SYSTEM), trial);
    }

    /** Whether tokens are checked: always, except in a trial started without an issuer. */
    public boolean checksTokens() {
        return issuer != null;
    }

    private static boolean isLoopback(String address) {
        return "127.0.0.1".equals(address) || "localhost".equals(address) || "::1".equals(address);
    }

    /** Whether the database is PostgreSQL (production) rather than H2 (trial). */
    public boolean postgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** A copy on another port (0: any free port), for tests and for a second node on one machine. */
    public TeamServerSettings onPort(String bind, int newPort) {
        return new TeamServerSettings(jdbcUrl, jdbcUser, jdbcPassword, bind, newPort, issuer, audience, teamClaim, adminRole,
                teamTagSystem, trial);
    }

    @Override
    public String toString() {
        return "TeamServerSettings[" + jdbcUrl + ", user=" + jdbcUser + ", " + bindAddress + ":" + port + ", issuer=" + issuer
                + ", audience=" + audience + ", teamClaim=" + teamClaim + ", teamTagSystem=" + teamTagSystem
                + (trial ? ", trial" : "") + "]";
    }
}
