package fr.relais.sync.engine;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A plain HTTP relay in front of the test server, the way a clinic's reverse proxy sits in front of HAPI: every request
 * forwarded as sent (its {@code Authorization} too), the server's own address in answers (the export's status URL, the
 * manifest's file URLs) rewritten to the relay's, so a workstation's whole export goes through it. It records what it
 * relays and can cut one answer mid-way, as a network dropping during a download does.
 */
final class ExportProxy implements AutoCloseable {
    /**
     * Headers the JDK client sets itself, and the encoding: the relay reads and rewrites answers as text, so it asks
     * the server for them uncompressed.
     */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "accept-encoding", "content-encoding");

    /** One relayed request: what was asked, with which credentials, and the answer's status and body (text). */
    record Exchange(String method, String path, String authorization, int status, String body) {
        boolean isFile() {
            return path.contains("/Binary/");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String target;
    private final List<Exchange> relayed = new CopyOnWriteArrayList<>();
    /** The one answer to cut (first match), and the share of its bytes sent before the cut. */
    private final AtomicReference<Predicate<Exchange>> cut = new AtomicReference<>();
    private volatile double cutAt;
    /** The status the relay answers every export kick-off with, itself (0: relayed to the server). */
    private volatile int kickOffRefusal;

    /** {@code targetBase}: the server's base ({@code http://127.0.0.1:port/fhir}). */
    ExportProxy(String targetBase) throws IOException {
        this.target = targetBase;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.createContext("/", this::relay);
        server.setExecutor(threads);
        server.start();
    }

    /** The relay's base, to give the workstation as its server. */
    String baseUrl() {
        URI t = URI.create(target);
        return "http://127.0.0.1:" + server.getAddress().getPort() + t.getPath();
    }

    /** The next answer matching {@code which} is cut after {@code share} (0..1) of its bytes, once. */
    void cutOnce(Predicate<Exchange> which, double share) {
        cutAt = share;
        cut.set(which);
    }

    /**
     * From now on, every {@code $export} kick-off is answered {@code status} by the relay, as a server that keeps the
     * operation to its administrator answers a team's token (403); the rest is relayed.
     */
    void refuseExportKickOff(int status) {
        kickOffRefusal = status;
    }

    List<Exchange> relayed() {
        return List.copyOf(relayed);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (kickOffRefusal != 0 && exchange.getRequestURI().getPath().endsWith("/$export")) {
                String refusal = "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"forbidden\","
                        + "\"diagnostics\":\"$export is reserved to the server's administrator\"}]}";
                relayed.add(new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("Authorization"), kickOffRefusal, refusal));
                byte[] body = refusal.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                exchange.sendResponseHeaders(kickOffRefusal, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            URI t = URI.create(target);
            URI to = URI.create(t.getScheme() + "://" + t.getAuthority() + exchange.getRequestURI().toString());
            byte[] sent = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(to).method(exchange.getRequestMethod(),
                    sent.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(sent));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> answer;
            try {
                answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String text = new String(answer.body(), StandardCharsets.UTF_8).replace(target, baseUrl());
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v.replace(target, baseUrl())));
                }
            });
            Exchange seen = new Exchange(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders().getFirst("Authorization"), answer.statusCode(), text);
            relayed.add(seen);
            Predicate<Exchange> toCut = cut.get();
            boolean cutting = toCut != null && toCut.test(seen) && cut.compareAndSet(toCut, null);
            exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, cutting ? (int) (body.length * cutAt) : body.length);
                out.flush();
                if (cutting) {
                    // Fewer bytes than announced, then the connection closed: the client reads a truncated file.
                    throw new IOException("cut by the test");
                }
            }
        } catch (IOException cutOrGone) {
            // the exchange is closed: an answer cut short, or a client gone
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
