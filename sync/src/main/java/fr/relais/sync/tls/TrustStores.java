package fr.relais.sync.tls;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS contexts for the connections Relais opens (team server, MSSanté): the JVM's own CAs unless the administrator
 * names a trust store (PKCS#12) holding the CA to trust instead — an IGC Santé chain, a hospital's own CA. Certificates
 * are always verified: there is no "trust everything" switch.
 */
public final class TrustStores {
    private TrustStores() {
    }

    /** A PKCS#12 store; a missing file or a wrong password is bad input naming the file. */
    public static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password shows as an IOException whose cause is an UnrecoverableKeyException.
            throw new BadInputException(file.toString(), "tls.store", file.toString(), e.getMessage());
        }
    }

    /** A TLS context with these client keys (null: none) trusting {@code trustStore} (null: the JVM's CAs). */
    public static SSLContext context(KeyManager[] keys, Path trustStore, char[] password) {
        try {
            TrustManager[] trust = null;
            if (trustStore != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(trustStore, password));
                trust = tmf.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new BadInputException("TLS", "tls.store", String.valueOf(trustStore), e.getMessage());
        }
    }
}
