package fr.relais.sync.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.hl7.fhir.r4.model.Resource;

/**
 * A system-level Bulk Data export (FHIR Bulk Data Access 2.0): {@code GET [base]/$export?_type=...&_typeFilter=...}
 * with {@code Prefer: respond-async}, the status URL ({@code Content-Location}) polled as its {@link StatusPollWait}
 * says (in production, as the server's {@code Retry-After} asks within a ceiling), then the manifest and its NDJSON
 * files, one resource a line, read as they arrive (never held whole).
 */
public final class BulkExportClient {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BulkExportClient.class);

    private final HttpClient http;
    private final String base;
    private final StatusPollWait waits;
    private final UnaryOperator<HttpRequest.Builder> authorize;

    /**
     * Polls as the server's {@code Retry-After} asks, never longer than {@code longestWait}; {@code authorize} adds the
     * server's credentials to each request (the sync's bearer token, say).
     */
    public BulkExportClient(HttpClient http, String base, Duration longestWait, UnaryOperator<HttpRequest.Builder> authorize) {
        this(http, base, StatusPollWait.asTheServerAsks(longestWait), authorize);
    }

    /** Polls as {@code waits} says. */
    public BulkExportClient(HttpClient http, String base, StatusPollWait waits, UnaryOperator<HttpRequest.Builder> authorize) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.waits = waits;
        this.authorize = authorize;
    }

    /** One NDJSON file of the manifest: the resources of one type. */
    public record Output(String type, URI url) {
    }

    /** What the export holds: everything as of {@code transactionTime}, in its files. */
    public record Manifest(Instant transactionTime, List<Output> output) {
        public List<URI> filesOf(String type) {
            return output.stream().filter(o -> o.type().equals(type)).map(Output::url).toList();
        }
    }

    /**
     * Exports the resources of {@code types}, each narrowed by its {@code typeFilters} search (a type absent from the
     * map is exported whole). Empty when the server refuses the kick-off (any 4xx or 5xx: the operation not offered,
     * these parameters not supported, the token not allowed to export, the export failing to start): the caller pages
     * instead. Throws {@link CancellationException} when cancelled while waiting.
     */
    public Optional<Manifest> export(List<String> types, Map<String, String> typeFilters, BooleanSupplier cancelled) {
        StringBuilder url = new StringBuilder(base).append("/$export?_type=").append(encode(String.join(",", types)));
        typeFilters.forEach((type, query) -> url.append("&_typeFilter=").append(encode(type + "?" + query)));
        HttpResponse<String> kickOff = send(authorize.apply(HttpRequest.newBuilder(URI.create(url.toString())))
                .header("Accept", "application/fhir+json").header("Prefer", "respond-async").GET().build());
        if (kickOff.statusCode() >= 400) {
            LOG.info("Bulk export refused at kick-off (HTTP {}): {}", kickOff.statusCode(), abbreviated(kickOff.body()));
            return Optional.empty();
        }
        if (kickOff.statusCode() != 202) {
            throw new BulkExportException(kickOff.statusCode(), "kick-off answered " + kickOff.statusCode() + ": " + abbreviated(kickOff.body()));
        }
        URI status = URI.create(kickOff.headers().firstValue("Content-Location")
                .orElseThrow(() -> new BulkExportException(kickOff.statusCode(), "kick-off accepted without a status URL")));
        for (int polls = 1; ; polls++) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled");
            }
            HttpResponse<String> poll = send(authorize.apply(HttpRequest.newBuilder(status)).header("Accept", "application/json").GET().build());
            if (poll.statusCode() == 200) {
                return Optional.of(manifest(poll.body()));
            }
            if (poll.statusCode() != 202) {
                throw new BulkExportException(poll.statusCode(), "export status answered " + poll.statusCode() + ": " + abbreviated(poll.body()));
            }
            pause(waits.before(polls, retryAfter(poll.headers().firstValue("Retry-After"))));
        }
    }

    /** Each resource of one NDJSON file, in the file's order, parsed by HAPI's JSON parser as its line is read. */
    public void read(URI file, Consumer<Resource> each) {
        HttpResponse<InputStream> response;
        try {
            response = http.send(authorize.apply(HttpRequest.newBuilder(file)).header("Accept", "application/fhir+ndjson").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new BulkExportException(response.statusCode(), "export file " + file + " answered " + response.statusCode());
            }
            var parser = RelaisFhir.CONTEXT.newJsonParser();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    each.accept((Resource) parser.parseResource(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Manifest manifest(String json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            List<Output> output = new ArrayList<>();
            for (JsonNode file : root.path("output")) {
                output.add(new Output(file.path("type").asText(), URI.create(file.path("url").asText())));
            }
            return new Manifest(Instant.parse(root.path("transactionTime").asText()), List.copyOf(output));
        } catch (IOException | java.time.format.DateTimeParseException e) {
            throw new BulkExportException(200, "unreadable export manifest: " + e.getMessage());
        }
    }

    /** What the server asks in {@code Retry-After}: seconds, per RFC 9110 (an HTTP date or nothing: empty). */
    private static Optional<Duration> retryAfter(Optional<String> header) {
        return header.filter(v -> v.trim().matches("\\d+")).map(v -> Duration.ofSeconds(Long.parseLong(v.trim())));
    }

    private static void pause(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** A server's error page can be long: the log keeps its start. */
    private static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The server accepted the export, then failed it or answered what this client cannot read. */
    public static final class BulkExportException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BulkExportException(int status, String message) {
            super(message);
            this.status = status;
        }

        /** The HTTP status of the answer at fault. */
        public int status() {
            return status;
        }
    }
}
