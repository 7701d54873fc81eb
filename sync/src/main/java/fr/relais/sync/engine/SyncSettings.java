package fr.relais.sync.engine;

import java.time.Duration;

/**
 * Where and how to sync. {@code team}: the meta.tag code that scopes shared records on a shared server (null: every
 * record the server holds). Secrets never appear in {@link #toString()} (they would end in logs).
 */
public record SyncSettings(String serverUrl, String team, Auth auth, Duration timeout, int pageSize, int maxAttempts,
                           Duration firstRetryDelay) {
    public SyncSettings {
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalArgumentException("server URL required");
        }
        serverUrl = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        auth = auth == null ? new Auth.None() : auth;
    }

    public static SyncSettings of(String serverUrl, String team, Auth auth) {
        return new SyncSettings(serverUrl, team, auth, Duration.ofSeconds(30), 100, 5, Duration.ofMillis(500));
    }

    public SyncSettings withRetries(int attempts, Duration firstDelay) {
        return new SyncSettings(serverUrl, team, auth, timeout, pageSize, attempts, firstDelay);
    }

    public SyncSettings withPageSize(int size) {
        return new SyncSettings(serverUrl, team, auth, timeout, size, maxAttempts, firstRetryDelay);
    }

    @Override
    public String toString() {
        return "SyncSettings[" + serverUrl + ", team=" + team + ", auth=" + auth.kind() + "]";
    }

    /** How Relais authenticates to the server. */
    public sealed interface Auth permits Auth.None, Auth.Basic, Auth.Bearer {
        String kind();

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
    }
}
