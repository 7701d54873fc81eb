package fr.relais.teamserver;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The team server's calls to Pro Santé Connect as a confidential client (client_secret_basic): the CIBA backchannel
 * authentication request, the token endpoint polled with the CIBA grant, the refresh grant, the user info and the
 * revocation of a refresh token. Endpoints come from the discovery document, read on first use: the same code runs
 * against the ANS sandbox, production, or the tests' Keycloak. Each answer is one of the outcomes the OpenID CIBA
 * specification names (§11, token error responses), so the caller words them; a provider that cannot be reached or
 * answers nonsense is {@link Unreachable}.
 */
final class PscProvider {
    static final String CIBA_GRANT = "urn:openid:params:grant-type:ciba";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final PscSettings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Map<String, Object> discovery;

    PscProvider(PscSettings settings) {
        this.settings = settings;
    }

    /** A backchannel request PSC accepted: its id, how long the professional has to approve, how often to poll. */
    record Backchannel(String authReqId, Duration expiresIn, Duration interval) {
    }

    /** What the token endpoint answered. */
    sealed interface Poll permits Pending, SlowDown, Denied, Expired, Granted {
    }

    /** {@code authorization_pending}: the professional has not answered yet. */
    record Pending() implements Poll {
    }

    /** {@code slow_down}: poll less often (CIBA §11: the interval grows by at least five seconds). */
    record SlowDown() implements Poll {
    }

    /** {@code access_denied}: the professional refused on the e-CPS app (or the grant was revoked). */
    record Denied() implements Poll {
    }

    /** {@code expired_token}: nobody answered before the request expired. */
    record Expired() implements Poll {
    }

    /**
     * Tokens: the professional approved (or a refresh succeeded). {@code refreshLife} is PSC's
     * {@code refresh_expires_in} (Keycloak's, hence PSC's, session idle time), null when not given.
     */
    record Granted(String accessToken, String refreshToken, String idToken, Duration refreshLife) implements Poll {
    }

    /** Who the professional is, from the user info. */
    record Identity(String nationalId, String rpps, String profession, String givenName, String familyName) {
    }

    /** The provider cannot be reached, or answered what the protocol does not allow. */
    static final class Unreachable extends Exception {
        Unreachable(String reason) {
            super(reason);
        }
    }

    /** CIBA §7.1: {@code login_hint} the professional's national id, the level of assurance, the scope. */
    Backchannel authenticate(String nationalId, String bindingMessage) throws Unreachable {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("scope", settings.scope());
        form.put("login_hint", nationalId);
        form.put("acr_values", settings.acr());
        form.put("binding_message", bindingMessage);
        Answer answer = post(endpoint("backchannel_authentication_endpoint"), form, true);
        if (answer.status() != 200) {
            throw new Unreachable("backchannel request answered " + answer.status() + ": " + answer.error());
        }
        String id = (String) answer.json().get("auth_req_id");
        if (id == null) {
            throw new Unreachable("backchannel answer without auth_req_id");
        }
        return new Backchannel(id, Duration.ofSeconds(number(answer.json().get("expires_in"), 120)),
                Duration.ofSeconds(number(answer.json().get("interval"), 5)));
    }

    /** CIBA §10.1: one poll of the token endpoint. */
    Poll poll(String authReqId) throws Unreachable {
        return tokens(Map.of("grant_type", CIBA_GRANT, "auth_req_id", authReqId));
    }

    /** RFC 6749 §6: new tokens for a refresh token; {@link Denied} when PSC ended the session. */
    Poll refresh(String refreshToken) throws Unreachable {
        return tokens(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** RFC 7009: the refresh token (and with it the PSC session, at Keycloak) revoked. */
    void revoke(String refreshToken) throws Unreachable {
        Answer answer = post(endpoint("revocation_endpoint"), Map.of("token", refreshToken, "token_type_hint", "refresh_token"), true);
        if (answer.status() != 200) {
            throw new Unreachable("revocation answered " + answer.status() + ": " + answer.error());
        }
    }

    /** OIDC §5.3: the professional's identity, {@code SubjectNameID} being {@code 8} + RPPS. */
    Identity identity(String accessToken) throws Unreachable {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint("userinfo_endpoint"))).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build();
        Answer answer = send(request);
        if (answer.status() != 200) {
            throw new Unreachable("user info answered " + answer.status() + ": " + answer.error());
        }
        Map<String, Object> info = answer.json();
        String nationalId = (String) info.get("SubjectNameID");
        if (nationalId == null || !nationalId.matches("8\\d{11}")) {
            throw new Unreachable("user info without an RPPS national id (SubjectNameID " + nationalId + ")");
        }
        return new Identity(nationalId, nationalId.substring(1), profession(info.get("SubjectRefPro")),
                (String) info.get("given_name"), (String) info.get("family_name"));
    }

    /** The authentication level the ID token states ({@code acr}); null when it states none. */
    static String acrOf(String idToken) {
        if (idToken == null) {
            return null;
        }
        try {
            // The token came straight from the token endpoint over TLS (OIDC §3.1.3.7: TLS validation suffices).
            Object acr = JWTParser.parse(idToken).getJWTClaimsSet().getClaim("acr");
            return acr == null ? null : acr.toString();
        } catch (ParseException e) {
            return null;
        }
    }

    private Poll tokens(Map<String, String> form) throws Unreachable {
        Answer answer = post(endpoint("token_endpoint"), form, true);
        if (answer.status() == 200) {
            Map<String, Object> json = answer.json();
            String access = (String) json.get("access_token");
            if (access == null) {
                throw new Unreachable("token answer without access_token");
            }
            long refreshSeconds = number(json.get("refresh_expires_in"), 0);
            return new Granted(access, (String) json.get("refresh_token"), (String) json.get("id_token"),
                    refreshSeconds > 0 ? Duration.ofSeconds(refreshSeconds) : null);
        }
        String error = answer.error();
        return switch (error == null ? "" : error) {
            case "authorization_pending" -> new Pending();
            case "slow_down" -> new SlowDown();
            case "access_denied", "invalid_grant" -> new Denied();
            case "expired_token" -> new Expired();
            default -> throw new Unreachable("token endpoint answered " + answer.status() + ": " + error);
        };
    }

    @SuppressWarnings("unchecked")
    private static String profession(Object subjectRefPro) {
        Object exercices = subjectRefPro instanceof Map<?, ?> ref ? ref.get("exercices") : null;
        if (exercices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Object code = ((Map<String, Object>) first).get("codeProfession");
            return code == null ? null : code.toString();
        }
        return null;
    }

    private String endpoint(String name) throws Unreachable {
        Map<String, Object> document = discovery;
        if (document == null) {
            HttpRequest request = HttpRequest.newBuilder(settings.discovery()).timeout(TIMEOUT).GET().build();
            Answer answer = send(request);
            if (answer.status() != 200) {
                throw new Unreachable(settings.discovery() + " answered " + answer.status());
            }
            discovery = document = answer.json();
        }
        Object value = document.get(name);
        if (!(value instanceof String url)) {
            throw new Unreachable(settings.discovery() + " names no " + name);
        }
        return url;
    }

    private Answer post(String url, Map<String, String> form, boolean authenticated) throws Unreachable {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            // RFC 6749 §2.3.1: client id and secret form-encoded, then Basic.
            String credentials = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(request.build());
    }

    private Answer send(HttpRequest request) throws Unreachable {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, Object> json = response.body() == null || response.body().isBlank()
                    ? Map.of() : JSONObjectUtils.parse(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new Unreachable(request.uri() + ": " + e);
        } catch (ParseException e) {
            throw new Unreachable(request.uri() + " answered something other than JSON");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable(request.uri() + ": interrupted");
        }
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }

    private record Answer(int status, Map<String, Object> json) {
        String error() {
            Object error = json.get("error");
            return error == null ? null : error.toString();
        }
    }
}
