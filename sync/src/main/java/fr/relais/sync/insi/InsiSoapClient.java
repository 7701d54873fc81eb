package fr.relais.sync.insi;

import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.StrictTraits;
import fr.relais.sync.tls.TrustStores;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The INSi client: SOAP 1.2 over HTTPS with TLS client authentication by the structure's IGC Santé certificate
 * (plain JDK HTTP client and XML, ADR 0020). Return codes 00/01/02 become outcomes; on verification the reference
 * traits are compared with the file's and every difference is named. A network, TLS or server failure is an
 * {@link InsiUnavailableException}: nothing was learnt, nothing changes.
 */
public final class InsiSoapClient implements InsiTeleservice {
    private final InsiSettings settings;
    private final HttpClient http;

    public InsiSoapClient(InsiSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout())
                .sslContext(tls(settings)).build();
    }

    private static SSLContext tls(InsiSettings s) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(TrustStores.load(s.keyStore(), s.keyStorePassword()), s.keyStorePassword());
            return TrustStores.context(kmf.getKeyManagers(), s.trustStore(), s.trustStorePassword());
        } catch (GeneralSecurityException e) {
            throw new BadInputException(s.keyStore().toString(), "tls.store", s.keyStore().toString(), e.getMessage());
        }
    }

    @Override
    public Answer search(StrictTraits traits) {
        return found(call(InsiMessages.SEARCH, InsiMessages.search(traits)));
    }

    @Override
    public Answer searchByVitale(VitaleReading reading) {
        return found(call(InsiMessages.VITALE, InsiMessages.vitale(reading)));
    }

    @Override
    public Answer verify(Ins ins, StrictTraits traits) {
        InsiMessages.Reply reply = call(InsiMessages.VERIFY, InsiMessages.verify(ins, traits));
        if (!"00".equals(reply.code())) {
            return found(reply);
        }
        var differences = TraitDifference.between(traits, reply.traits());
        if (!differences.isEmpty() || !reply.ins().equals(ins)) {
            return new Answer(Outcome.MISMATCH, reply.ins(), reply.traits(), differences);
        }
        return new Answer(Outcome.FOUND, reply.ins(), reply.traits());
    }

    private static Answer found(InsiMessages.Reply reply) {
        return switch (reply.code()) {
            case "00" -> new Answer(Outcome.FOUND, reply.ins(), reply.traits());
            case "01" -> new Answer(Outcome.NONE, null, null);
            case "02" -> new Answer(Outcome.SEVERAL, null, null);
            default -> throw new InsiUnavailableException("INSi", "CR " + reply.code(), null);
        };
    }

    private InsiMessages.Reply call(String operation, String envelope) {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint()).timeout(settings.timeout())
                .header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + InsiMessages.NS + "/" + operation + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new InsiUnavailableException(settings.endpoint().toString(), rootMessage(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InsiUnavailableException(settings.endpoint().toString(), "interrupted", e);
        }
        try {
            // A SOAP fault comes with HTTP 500 and says why; other server errors have no SOAP body to read.
            return InsiMessages.read(response.body());
        } catch (IllegalArgumentException e) {
            throw new InsiUnavailableException(settings.endpoint().toString(), "HTTP " + response.statusCode() + ", " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
