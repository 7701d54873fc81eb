package fr.relais.sync.engine;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.exceptions.FhirClientConnectionException;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import fr.relais.sync.fhir.RelaisFhir;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The team server through HAPI's generic client, with the fault policy of the sync: timeouts, connection failures,
 * 5xx and 429 are retried with exponential backoff and jitter (429 honours Retry-After), a bounded number of times;
 * 401/403 stop at once with a clear message (no retry storm); version conflicts (409/412) go back to the engine.
 * TLS certificates are verified against the JVM's CAs, or the trust store the settings name ({@code RELAIS_TRUSTSTORE}).
 */
final class FhirServer {
    private static final Logger LOG = LoggerFactory.getLogger(FhirServer.class);

    private final SyncSettings settings;
    private final IGenericClient client;
    private final javax.net.ssl.SSLContext tls;
    /** A token renewed during the run (Pro Santé Connect), null otherwise; {@link #currentToken} is the one in use. */
    private SyncSettings.Auth.Renewed renewed;
    private volatile String currentToken;

    FhirServer(SyncSettings settings) {
        this.settings = settings;
        var factory = RelaisFhir.CONTEXT.getRestfulClientFactory();
        factory.setServerValidationMode(ServerValidationModeEnum.NEVER);
        factory.setConnectTimeout((int) settings.timeout().toMillis());
        factory.setSocketTimeout((int) settings.timeout().toMillis());
        // One TLS context for every connection to this server (the searches', the export files'): null, the JVM's CAs.
        this.tls = settings.trustStore() == null ? null
                : fr.relais.sync.tls.TrustStores.context(null, settings.trustStore(), settings.trustStorePassword());
        if (tls == null) {
            this.client = RelaisFhir.CONTEXT.newRestfulGenericClient(settings.serverUrl());
        } else {
            // Its own context and client factory (HAPI's requests go through their context's factory): the shared
            // one serves every other connection with the JVM's CAs.
            ca.uhn.fhir.context.FhirContext context = RelaisFhir.newContext();
            var own = new ca.uhn.fhir.rest.client.apache.ApacheRestfulClientFactory(context);
            context.setRestfulClientFactory(own);
            own.setServerValidationMode(ServerValidationModeEnum.NEVER);
            int millis = (int) settings.timeout().toMillis();
            own.setHttpClient(org.apache.http.impl.client.HttpClients.custom()
                    .setSSLContext(tls)
                    .setDefaultRequestConfig(org.apache.http.client.config.RequestConfig.custom().setConnectTimeout(millis)
                            .setSocketTimeout(millis).setConnectionRequestTimeout(millis).build())
                    .setMaxConnPerRoute(4).build());
            this.client = own.newGenericClient(settings.serverUrl());
        }
        if (settings.auth() instanceof SyncSettings.Auth.Renewed r) {
            // Renewed during the run: each request carries the token renewToken() obtained last.
            renewed = r;
            client.registerInterceptor(new ca.uhn.fhir.rest.client.api.IClientInterceptor() {
                @Override
                public void interceptRequest(ca.uhn.fhir.rest.client.api.IHttpRequest request) {
                    request.addHeader("Authorization", "Bearer " + currentToken);
                }

                @Override
                public void interceptResponse(ca.uhn.fhir.rest.client.api.IHttpResponse response) {
                }
            });
        } else {
            settings.auth().authorization().ifPresent(header ->
                    client.registerInterceptor(new ca.uhn.fhir.rest.client.interceptor.SimpleRequestHeaderInterceptor("Authorization", header)));
        }
    }

    /**
     * The Bulk Data client of this server: the JDK's HTTP client with this server's TLS context and timeout, each
     * request carrying the same {@code Authorization} as the searches. Built on demand (a first sync only).
     */
    fr.relais.sync.bulk.BulkExportClient exports(fr.relais.sync.bulk.StatusPollWait waits) {
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder().connectTimeout(settings.timeout());
        if (tls != null) {
            http.sslContext(tls);
        }
        return new fr.relais.sync.bulk.BulkExportClient(http.build(), settings.serverUrl(), waits, request -> {
            request.timeout(settings.timeout());
            authorization().ifPresent(header -> request.header("Authorization", header));
            return request;
        });
    }

    /** The header of the next request: a renewed session's current token, else the settings' fixed one. */
    private java.util.Optional<String> authorization() {
        if (renewed == null) {
            return settings.auth().authorization();
        }
        renewToken();
        return java.util.Optional.of("Bearer " + currentToken);
    }

    IGenericClient client() {
        return client;
    }

    /** Runs one request under the fault policy. */
    <T> T call(String what, Supplier<T> request) {
        Duration delay = settings.firstRetryDelay();
        for (int attempt = 1; ; attempt++) {
            renewToken();
            try {
                return request.get();
            } catch (AuthenticationException | ForbiddenOperationException e) {
                throw new SyncFailedException(settings.serverUrl(), e.getStatusCode() + " " + what, true, e);
            } catch (BaseServerResponseException e) {
                if (untrusted(e)) {
                    // Not a passing fault: retrying would fail the same way.
                    throw new SyncFailedException(settings.serverUrl(), rootCause(e), "sync.untrusted", e);
                }
                int status = e instanceof FhirClientConnectionException ? 0 : e.getStatusCode();
                boolean retryable = status == 0 || status == 429 || status >= 500;
                if (!retryable && rejection(status)) {
                    // The content is at fault (400 HAPI-1094, 422 invalid): the engine isolates the record that caused it.
                    throw SyncFailedException.rejected(settings.serverUrl(), status, diagnostics(e), outcome(e), e);
                }
                if (!retryable) {
                    throw e;
                }
                if (attempt >= settings.maxAttempts()) {
                    throw new SyncFailedException(settings.serverUrl(), status == 0 ? unreachable(e)
                            : new fr.relais.core.error.BadInputException.Reason("sync.cause.serverError", status), false, e);
                }
                Duration wait = status == 429 ? retryAfter(e).orElse(delay) : delay;
                long jittered = wait.toMillis() / 2 + ThreadLocalRandom.current().nextLong(wait.toMillis() / 2 + 1);
                LOG.warn("{} failed (attempt {}/{}, {}): retrying in {} ms", what, attempt, settings.maxAttempts(),
                        status == 0 ? e.getClass().getSimpleName() : "HTTP " + status, jittered);
                sleep(jittered);
                delay = delay.multipliedBy(2);
            }
        }
    }

    /**
     * Asks a renewed token for the next request (renewed here, outside HAPI's interceptors, so that an ended session
     * is the sync's own refusal with its sentence, not an error HAPI wraps).
     */
    private void renewToken() {
        if (renewed == null) {
            return;
        }
        try {
            currentToken = renewed.tokens().get();
        } catch (SyncSettings.SessionEndedException e) {
            throw new SyncFailedException(settings.serverUrl(), e.getMessage(), "sync.sessionEnded", e);
        }
    }

    /**
     * A refusal of what was sent. Not 404/410 (a read of a resource the server lacks, which callers handle), nor
     * 409/412 (a version conflict: the engine reads the server's version and merges).
     */
    private static boolean rejection(int status) {
        return status >= 400 && status < 500 && status != 404 && status != 410 && status != 409 && status != 412;
    }

    private static String outcome(BaseServerResponseException e) {
        return e.getOperationOutcome() == null ? null
                : RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(e.getOperationOutcome());
    }

    /** The server's own words (the OperationOutcome's diagnostics), for the log and the message. */
    static String diagnostics(BaseServerResponseException e) {
        if (e.getOperationOutcome() instanceof org.hl7.fhir.r4.model.OperationOutcome oo && oo.hasIssue()) {
            return oo.getIssue().stream().map(i -> i.getDiagnostics()).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(" ; "));
        }
        return e.getMessage();
    }

    private static boolean untrusted(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof java.security.cert.CertificateException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the server could not be reached, in the reader's language and in words a nurse or an admin can act on
     * (nobody answers at that address, the name is unknown, no answer in time), never the network library's English
     * ("Connection refused") nor an exception name.
     */
    private static fr.relais.core.error.BadInputException.Reason unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return new fr.relais.core.error.BadInputException.Reason("sync.cause.connectionRefused");
            }
            if (t instanceof java.net.UnknownHostException) {
                return new fr.relais.core.error.BadInputException.Reason("sync.cause.unknownHost");
            }
            if (t instanceof java.io.InterruptedIOException) {
                return new fr.relais.core.error.BadInputException.Reason("sync.cause.timeout");
            }
        }
        return new fr.relais.core.error.BadInputException.Reason("sync.cause.network");
    }

    /** "Connection refused", "Read timed out": what a nurse or an admin can act on, not the client's stack. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static java.util.Optional<Duration> retryAfter(BaseServerResponseException e) {
        if (e.getResponseHeaders() == null) {
            return java.util.Optional.empty();
        }
        List<String> values = e.getResponseHeaders().getOrDefault("Retry-After", e.getResponseHeaders().get("retry-after"));
        try {
            return values == null || values.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(Duration.ofSeconds(Math.min(60, Long.parseLong(values.get(0).trim()))));
        } catch (NumberFormatException httpDate) {
            return java.util.Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sync interrupted", e);
        }
    }
}
