package fr.relais.teamserver;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The OpenID Connect issuer of the tests: a real RSA key, its discovery document and its JWKS served over HTTP on a
 * free local port, as Keycloak would serve them; tokens it signs are the ones a user would present.
 */
final class TestIssuer implements AutoCloseable {
    private final HttpServer http;
    private final RSAKey key;
    private final URI issuer;

    private TestIssuer(HttpServer http, RSAKey key, URI issuer) {
        this.http = http;
        this.key = key;
        this.issuer = issuer;
    }

    static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("relais-test-1").generate();
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            URI issuer = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/realms/relais");
            http.createContext("/realms/relais/.well-known/openid-configuration", exchange -> answer(exchange,
                    "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}"));
            http.createContext("/realms/relais/protocol/openid-connect/certs",
                    exchange -> answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
            http.start();
            return new TestIssuer(http, key, issuer);
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException("The test issuer did not start", e);
        }
    }

    URI issuer() {
        return issuer;
    }

    /** A token of {@code subject}, member of {@code teams}, valid from an hour before {@code expires} until then. */
    String token(String subject, Instant expires, String... teams) {
        return sign(key, new JWTClaimsSet.Builder().issuer(issuer.toString()).subject(subject)
                .issueTime(Date.from(expires.minusSeconds(3600))).expirationTime(Date.from(expires))
                .claim(TeamServerSettings.DEFAULT_TEAM_CLAIM, List.of(teams)).build());
    }

    /** A token of the server's administrator ({@code relais_roles}: {@code relais-admin}), in no team. */
    String administratorToken(String subject, Instant expires) {
        return sign(key, new JWTClaimsSet.Builder().issuer(issuer.toString()).subject(subject).expirationTime(Date.from(expires))
                .claim("relais_roles", List.of(TeamServerSettings.DEFAULT_ADMIN_ROLE)).build());
    }

    /** The same token, signed by a key the issuer never published. */
    String forged(String subject, Instant expires, String... teams) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            return sign(other, new JWTClaimsSet.Builder().issuer(issuer.toString()).subject(subject)
                    .expirationTime(Date.from(expires)).claim(TeamServerSettings.DEFAULT_TEAM_CLAIM, List.of(teams)).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
