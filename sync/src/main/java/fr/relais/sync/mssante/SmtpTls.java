package fr.relais.sync.mssante;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS context of the MSSanté connection: the client certificate (PKCS#12) when the operator authenticates the
 * structure by certificate, and the trust store holding the operator's CA (IGC Santé) when it is not in the Java one.
 */
final class SmtpTls {
    private SmtpTls() {
    }

    static SSLContext context(MssanteSettings s) {
        try {
            KeyManager[] keys = null;
            if (s.auth() instanceof MssanteSettings.Certificate c) {
                KeyStore store = load(c.pkcs12(), c.password());
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, c.password());
                keys = kmf.getKeyManagers();
            }
            TrustManager[] trust = null;
            if (s.trustStore() != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(s.trustStore(), s.trustStorePassword()));
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new BadInputException("TLS", "mssante.certificate", "TLS", e.getMessage());
        }
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
            throw new BadInputException(file.toString(), "mssante.certificate", file.toString(), e.getMessage());
        }
    }
}
