package fr.relais.sync.engine;

import java.time.Duration;

/**
 * Where and how to sync. {@code team}: the meta.tag code that scopes shared records on a shared server (null: every
 * record the server holds); {@code system|code} names a tag of another system (the tag another tool already puts on
 * the team's records), a bare code is in Relais's system {@code urn:relais:team}. {@code careTeamMember}: the RPPS of the professional whose care teams narrow the pull to
 * their patients (null: every patient of the team). {@code firstSyncExport}: whether a workstation's first pull may go
 * through the server's Bulk Data {@code $export} (ADR 0019; on unless {@value #FIRST_SYNC_EXPORT_VARIABLE} is off).
 * Secrets never appear in {@link #toString()} (they would end in logs).
 */
public record SyncSettings(String serverUrl, String team, Auth auth, Duration timeout, int pageSize, int maxAttempts,
                           Duration firstRetryDelay, java.nio.file.Path trustStore, char[] trustStorePassword,
                           String careTeamMember, fr.relais.sync.fhir.IppNamespace ipp, int pushBatch,
                           boolean firstSyncExport) {
    /**
     * Records per transaction Bundle of the push, unless {@value #PUSH_BATCH_VARIABLE} says otherwise: a HAPI JPA
     * server stores 50 PUTs in one database transaction in well under a second, far from the request timeout, and a
     * refused record is isolated in at most 2 × log2(50) ≈ 12 more requests (ADR 0018).
     */
    public static final int DEFAULT_PUSH_BATCH = 50;
    /** The most {@value #PUSH_BATCH_VARIABLE} accepts: beyond, one Bundle risks the server's request timeout. */
    public static final int MAX_PUSH_BATCH = 500;

    public SyncSettings {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalArgumentException("server URL required");
        }
        serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        auth = auth == null ? new Auth.None() : auth;
        pushBatch = pushBatch <= 0 ? DEFAULT_PUSH_BATCH : pushBatch;
    }

    public SyncSettings(String serverUrl, String team, Auth auth, Duration timeout, int pageSize, int maxAttempts,
                        Duration firstRetryDelay, java.nio.file.Path trustStore, char[] trustStorePassword, String careTeamMember) {
        this(serverUrl, team, auth, timeout, pageSize, maxAttempts, firstRetryDelay, trustStore, trustStorePassword, careTeamMember, null,
                DEFAULT_PUSH_BATCH, true);
    }

    /** The system of the team's tag: the one given with the code, or Relais's ({@code urn:relais:team}). */
    public String teamSystem() {
        return team != null && team.contains("|") ? team.substring(0, team.lastIndexOf('|')) : fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM;
    }

    /** The code of the team's tag (null: no team, every record of the server). */
    public String teamCode() {
        return team != null && team.contains("|") ? team.substring(team.lastIndexOf('|') + 1) : team;
    }

    public static SyncSettings of(String serverUrl, String team, Auth auth) {
        return new SyncSettings(serverUrl, team, auth, Duration.ofSeconds(30), 100, RetryPolicy.DEFAULT.attempts(),
                RetryPolicy.DEFAULT.firstDelay(), null, null, null);
    }

    /** The organisation's IPP namespace, without which the sync refuses to run. */
    public SyncSettings withIpp(fr.relais.sync.fhir.IppNamespace namespace) {
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, maxAttempts, firstRetryDelay, trustStore, trustStorePassword,
                careTeamMember, namespace, pushBatch, firstSyncExport);
    }

    /** The IPP namespace the settings give ({@value fr.relais.sync.fhir.IppNamespace#VARIABLE}), if any. */
    public SyncSettings withIppFrom(java.util.Map<String, String> settings) {
        return withIpp(fr.relais.sync.fhir.IppNamespace.from(settings));
    }

    public SyncSettings withRetries(int attempts, Duration firstDelay) {
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, attempts, firstDelay, trustStore, trustStorePassword, careTeamMember, ipp, pushBatch, firstSyncExport);
    }

    public SyncSettings withPageSize(int size) {
        return new SyncSettings(serverUrl, team, auth, timeout, size, maxAttempts, firstRetryDelay, trustStore, trustStorePassword, careTeamMember, ipp, pushBatch, firstSyncExport);
    }

    /** Records per transaction Bundle of the push (at most {@value #MAX_PUSH_BATCH}). */
    public SyncSettings withPushBatch(int size) {
        if (size < 1 || size > MAX_PUSH_BATCH) {
            throw new IllegalArgumentException("push batch " + size + " outside 1.." + MAX_PUSH_BATCH);
        }
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, maxAttempts, firstRetryDelay, trustStore, trustStorePassword,
                careTeamMember, ipp, size, firstSyncExport);
    }

    /**
     * The push batch the settings give ({@value #PUSH_BATCH_VARIABLE}: records per transaction Bundle, 1 to
     * {@value #MAX_PUSH_BATCH}), else {@value #DEFAULT_PUSH_BATCH}. A server that refuses large Bundles (some cap
     * their entries) is given its size here.
     */
    public SyncSettings withPushBatchFrom(java.util.Map<String, String> settings) {
        String value = settings.get(PUSH_BATCH_VARIABLE);
        if (value == null || value.isBlank()) {
            return this;
        }
        int size;
        try {
            size = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new fr.relais.core.error.BadInputException(PUSH_BATCH_VARIABLE, "number.invalid", value.strip());
        }
        if (size < 1 || size > MAX_PUSH_BATCH) {
            throw new fr.relais.core.error.BadInputException(PUSH_BATCH_VARIABLE, "number.range", String.valueOf(size), "1",
                    String.valueOf(MAX_PUSH_BATCH));
        }
        return withPushBatch(size);
    }

    /** Whether the first pull of a workstation may use the server's Bulk Data {@code $export} (else it pages). */
    public SyncSettings withFirstSyncExport(boolean allowed) {
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, maxAttempts, firstRetryDelay, trustStore, trustStorePassword,
                careTeamMember, ipp, pushBatch, allowed);
    }

    /**
     * What {@value #FIRST_SYNC_EXPORT_VARIABLE} says: {@code on} (the default, also when unset) or {@code off}. Off, a
     * new workstation pages its first pull even from a server that offers {@code $export} (a server whose export job
     * is slow or whose administrators forbid it to the team's token).
     */
    public SyncSettings withFirstSyncExportFrom(java.util.Map<String, String> settings) {
        String value = settings.get(FIRST_SYNC_EXPORT_VARIABLE);
        if (value == null || value.isBlank()) {
            return this;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "on" -> withFirstSyncExport(true);
            case "off" -> withFirstSyncExport(false);
            default -> throw new fr.relais.core.error.BadInputException(FIRST_SYNC_EXPORT_VARIABLE, "sync.badOnOff", value.strip());
        };
    }

    /** Trusts the CAs of this PKCS#12 store instead of the JVM's for the team server's certificate. */
    public SyncSettings withTrustStore(java.nio.file.Path store, char[] password) {
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, maxAttempts, firstRetryDelay, store, password, careTeamMember, ipp, pushBatch, firstSyncExport);
    }

    /** Pulls only the patients of the care teams this professional (RPPS) belongs to, as of the sync's day. */
    public SyncSettings withCareTeamScope(String rpps) {
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, maxAttempts, firstRetryDelay, trustStore, trustStorePassword,
                rpps == null || rpps.isBlank() ? null : rpps.strip(), ipp, pushBatch, firstSyncExport);
    }

    /**
     * The scope the settings ask for ({@value #SCOPE_VARIABLE}: {@code team}, the default, or {@code careteam});
     * {@code scope}, when given (command line), wins. The care-team scope needs the user's RPPS: the signed-in
     * account's ({@code accountRpps}, empty on a workstation without accounts), else {@value #RPPS_VARIABLE}.
     */
    public SyncSettings withScopeFrom(java.util.Map<String, String> settings, String scope, java.util.Optional<String> accountRpps) {
        String asked = scope != null ? scope : settings.getOrDefault(SCOPE_VARIABLE, SCOPE_TEAM);
        String name = scope != null ? "--scope" : SCOPE_VARIABLE;
        switch (asked.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "", SCOPE_TEAM:
                return withCareTeamScope(null);
            case SCOPE_CARE_TEAM:
                java.util.Optional<String> fromAccount = accountRpps.filter(r -> !r.isBlank());
                String rpps = fromAccount.orElse(settings.get(RPPS_VARIABLE));
                if (rpps == null || rpps.isBlank()) {
                    throw new fr.relais.core.error.BadInputException(name, "sync.scopeWithoutRpps", RPPS_VARIABLE);
                }
                if (!fr.relais.core.careteam.CareTeamService.isRpps(rpps.strip())) {
                    throw new fr.relais.core.error.BadInputException(fromAccount.isPresent() ? "RPPS of the signed-in account" : RPPS_VARIABLE,
                            "rpps.invalid", rpps);
                }
                return withCareTeamScope(rpps);
            default:
                throw new fr.relais.core.error.BadInputException(name, "sync.badScope", asked, String.join(", ", SCOPES));
        }
    }

    /** The trust store the settings name ({@value #TRUSTSTORE_VARIABLE}, its password in a file), if any. */
    public SyncSettings withTrustStoreFrom(java.util.Map<String, String> settings) {
        String store = settings.get(TRUSTSTORE_VARIABLE);
        if (store == null || store.isBlank()) {
            return this;
        }
        String password = secret(settings, "RELAIS_TRUSTSTORE_PASSWORD", TRUSTSTORE_PASSWORD_FILE_VARIABLE);
        return withTrustStore(java.nio.file.Path.of(store), password == null ? new char[0] : password.toCharArray());
    }

    @Override
    public String toString() {
        return "SyncSettings[" + serverUrl + ", team=" + team + ", auth=" + auth.kind()
                + (careTeamMember == null ? "" : ", careTeamsOf=" + careTeamMember) + "]";
    }

    /** Where the workstation's settings name the server: the environment or the data folder's relais.properties. */
    public static final String SERVER_VARIABLE = "RELAIS_SERVER";
    public static final String TEAM_VARIABLE = "RELAIS_TEAM";
    public static final String SCOPE_VARIABLE = "RELAIS_SCOPE";
    public static final String RPPS_VARIABLE = "RELAIS_RPPS";
    public static final String SCOPE_TEAM = "team";
    public static final String SCOPE_CARE_TEAM = "careteam";
    /** The scopes {@value #SCOPE_VARIABLE} and {@code --scope} accept. */
    public static final java.util.List<String> SCOPES = java.util.List.of(SCOPE_TEAM, SCOPE_CARE_TEAM);
    public static final String TOKEN_VARIABLE = "RELAIS_TOKEN";
    public static final String TOKEN_FILE_VARIABLE = "RELAIS_TOKEN_FILE";
    public static final String USER_VARIABLE = "RELAIS_USER";
    public static final String PASSWORD_VARIABLE = "RELAIS_PASSWORD";
    public static final String PASSWORD_FILE_VARIABLE = "RELAIS_PASSWORD_FILE";
    public static final String TRUSTSTORE_VARIABLE = "RELAIS_TRUSTSTORE";
    public static final String TRUSTSTORE_PASSWORD_FILE_VARIABLE = "RELAIS_TRUSTSTORE_PASSWORD_FILE";
    /** Records per transaction Bundle of the push. */
    public static final String PUSH_BATCH_VARIABLE = "RELAIS_PUSH_BATCH";
    /** {@code on} (default) or {@code off}: whether a first sync may use the server's Bulk Data export. */
    public static final String FIRST_SYNC_EXPORT_VARIABLE = "RELAIS_FIRST_SYNC_EXPORT";

    /**
     * The authentication the settings ask for: a bearer token (from {@value #TOKEN_FILE_VARIABLE}, a file readable by
     * the user only, or {@value #TOKEN_VARIABLE}), else basic with {@value #USER_VARIABLE} and a password read the same
     * way, else none. {@code user}, when given (command line), asks for basic.
     */
    public static Auth authFrom(java.util.Map<String, String> settings, String user) {
        String token = secret(settings, TOKEN_VARIABLE, TOKEN_FILE_VARIABLE);
        String basicUser = user != null ? user : settings.get(USER_VARIABLE);
        if (token != null && user == null) {
            return new Auth.Bearer(token);
        }
        if (basicUser != null && !basicUser.isBlank()) {
            String password = secret(settings, PASSWORD_VARIABLE, PASSWORD_FILE_VARIABLE);
            return new Auth.Basic(basicUser, password == null ? "" : password);
        }
        return new Auth.None();
    }

    private static String secret(java.util.Map<String, String> settings, String variable, String fileVariable) {
        String file = settings.get(fileVariable);
        if (file != null && !file.isBlank()) {
            try {
                return java.nio.file.Files.readString(java.nio.file.Path.of(file)).strip();
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                throw new fr.relais.core.error.BadInputException(file, "settings.secretFile", fileVariable, e.getMessage());
            }
        }
        String value = settings.get(variable);
        return value == null || value.isBlank() ? null : value;
    }

    /** How Relais authenticates to the server. */
    public sealed interface Auth permits Auth.None, Auth.Basic, Auth.Bearer, Auth.Renewed {
        String kind();

        /**
         * The HTTP {@code Authorization} header this authentication sends (empty: none): the one source of the header
         * for every connection to the team server (HAPI's client for the searches, the JDK's for the export's files).
         */
        default java.util.Optional<String> authorization() {
            if (this instanceof Bearer t) {
                return java.util.Optional.of("Bearer " + t.token());
            }
            if (this instanceof Basic b) {
                return java.util.Optional.of("Basic " + java.util.Base64.getEncoder()
                        .encodeToString((b.user() + ":" + b.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return java.util.Optional.empty();
        }

        record None() implements Auth {
            public String kind() {
                return "none";
            }
        }

        record Basic(String user, String password) implements Auth {
            public String kind() {
                return "basic";
            }

            @Override
            public String toString() {
                return "Basic[" + user + ", ***]";
            }
        }

        record Bearer(String token) implements Auth {
            public String kind() {
                return "bearer";
            }

            @Override
            public String toString() {
                return "Bearer[***]";
            }
        }

        /**
         * A bearer token held in memory for this run and renewed when it expires (a Pro Santé Connect session of the
         * team server): {@code tokens} is asked before each request, and throws {@link SessionEndedException} when the
         * session can no longer be renewed.
         */
        record Renewed(java.util.function.Supplier<String> tokens) implements Auth {
            public String kind() {
                return "bearer";
            }

            @Override
            public String toString() {
                return "Renewed[***]";
            }
        }
    }

    /** The session behind a {@link Auth.Renewed} token was ended or refused its renewal: the user signs in again. */
    public static final class SessionEndedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public SessionEndedException(String reason) {
            super(reason);
        }
    }
}
