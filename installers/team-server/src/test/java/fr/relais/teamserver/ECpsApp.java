package fr.relais.teamserver;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The professional's e-CPS app, as Keycloak's CIBA sees it: the HTTP authentication channel Keycloak sends each sign-in
 * request to (with the professional's {@code login_hint} and a bearer token for the answer), and the answer the
 * professional gives by calling Keycloak's callback: approve, refuse, or never answer.
 */
final class ECpsApp implements AutoCloseable {
    private final HttpServer http;
    private final Map<String, BlockingQueue<String>> requests = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private volatile URI callback;

    private ECpsApp(HttpServer http) {
        this.http = http;
    }

    static ECpsApp start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ECpsApp app = new ECpsApp(http);
            http.createContext("/ciba/channel", exchange -> {
                String token = exchange.getRequestHeaders().getFirst("Authorization").substring("Bearer ".length());
                try {
                    Map<String, Object> request = JSONObjectUtils.parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                    app.queue((String) request.get("login_hint")).add(token);
                    exchange.sendResponseHeaders(201, -1);
                } catch (ParseException e) {
                    exchange.sendResponseHeaders(400, -1);
                }
                exchange.close();
            });
            http.start();
            return app;
        } catch (IOException e) {
            throw new IllegalStateException("The e-CPS app did not start", e);
        }
    }

    /** Where Keycloak sends sign-in requests. */
    URI channel() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/ciba/channel");
    }

    /** Keycloak's realm, whose CIBA callback the app answers on. */
    void answersTo(URI issuer) {
        this.callback = URI.create(issuer + "/protocol/openid-connect/ext/ciba/auth/callback");
    }

    /** The request that reached the professional of {@code nationalId}'s phone (its answer token). */
    String awaitRequest(String nationalId) {
        try {
            String token = queue(nationalId).poll(60, TimeUnit.SECONDS);
            if (token == null) {
                throw new AssertionError("No sign-in request reached the e-CPS app of " + nationalId);
            }
            return token;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void approve(String request) {
        answer(request, "SUCCEED");
    }

    void refuse(String request) {
        answer(request, "UNAUTHORIZED");
    }

    private void answer(String request, String status) {
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + request).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"" + status + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError("Keycloak refused the e-CPS answer: " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private BlockingQueue<String> queue(String nationalId) {
        return requests.computeIfAbsent(nationalId, k -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
