package fr.relais.sync.psc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * The desktop's Pro Santé Connect sign-in, through the team server (which holds the PSC client secret and runs CIBA:
 * docs/adr/0022-pro-sante-connect-ciba.md). {@link #start} sends the request to the professional's e-CPS app;
 * {@link #poll} asks where it stands, at the interval the team server gives; {@link #refresh} renews a session token;
 * {@link #signOut} ends the session there and at PSC. A team server or PSC that cannot be reached is
 * {@link PscUnavailableException}: nothing local depends on it.
 */
public final class PscSignIn implements PscClient {
    /** How the audit trail names a sign-in that Pro Santé Connect authenticated. */
    public static final String AUTHORITY = "Pro Santé Connect";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI psc;
    private final HttpClient http;
    private final Locale language;

    /** {@code psc}: the team server's sign-in address ({@code https://team.example.org/psc}). */
    public PscSignIn(URI psc, HttpClient http, Locale language) {
        this.psc = psc;
        this.http = http;
        this.language = language;
    }

    /** The client of the team server's sign-in at {@code psc}, over its own HTTP client (connection within 10 s). */
    public static PscSignIn to(URI psc, Locale language) {
        return new PscSignIn(psc, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), language);
    }

    @Override
    public PscStep start(String nationalId) {
        ObjectNode body = JSON.createObjectNode().put("national_id", nationalId);
        return step(post("/ciba", body, null), null);
    }

    @Override
    public PscStep poll(String request) {
        return step(post("/ciba/poll", JSON.createObjectNode().put("request", request), null), request);
    }

    @Override
    public PscStep refresh(String refreshToken) {
        return step(post("/refresh", JSON.createObjectNode().put("refresh_token", refreshToken), null), null);
    }

    @Override
    public boolean signOut(String sessionToken) {
        return post("/logout", JSON.createObjectNode(), sessionToken).status() == 200;
    }

    private PscStep step(Answer answer, String request) {
        JsonNode json = answer.json();
        String message = json.path("message").asText();
        return switch (json.path("status").asText()) {
            case "pending" -> new PscStep.Pending(json.hasNonNull("request") ? json.get("request").asText() : request,
                    Duration.ofSeconds(json.path("interval").asLong(5)), message);
            case "signed_in" -> new PscStep.SignedIn(new PscSession(json.path("session_token").asText(),
                    Duration.ofSeconds(json.path("expires_in").asLong()), json.path("refresh_token").asText(),
                    json.path("national_id").asText(), json.path("rpps").asText(), text(json, "profession"),
                    text(json, "given_name"), text(json, "family_name")), message);
            case "refused" -> new PscStep.Refused(message);
            case "expired" -> new PscStep.Expired(message);
            case "unknown" -> new PscStep.Unknown(message);
            case "unavailable" -> throw new PscUnavailableException(psc.toString(), "Pro Santé Connect unreachable from the team server", null);
            default -> throw new PscUnavailableException(psc.toString(), "answered " + answer.status() + " " + json, null);
        };
    }

    private Answer post(String path, ObjectNode body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(psc + path)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept-Language", language.toLanguageTag())
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new PscUnavailableException(psc + path, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PscUnavailableException(psc + path, "interrupted", e);
        }
    }

    private static String text(JsonNode json, String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    private record Answer(int status, JsonNode json) {
    }
}
