package fr.relais.sync.mssante;

import fr.relais.sync.tls.TrustStores;
import fr.relais.core.error.BadInputException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The TLS context of the MSSanté connection: the client certificate (PKCS#12) when the operator authenticates the
 * structure by certificate, and the trust store holding the operator's CA (IGC Santé) when it is not in the Java one.
 */
final class SmtpTls {
    private SmtpTls() {
    }

    static SSLContext context(MssanteSettings s) {
        KeyManager[] keys = null;
        if (s.auth() instanceof MssanteSettings.Certificate c) {
            try {
                KeyStore store = clientKeys(c);
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(store, c.password());
                keys = kmf.getKeyManagers();
            } catch (GeneralSecurityException e) {
                throw new BadInputException("TLS", "mssante.certificate", c.pkcs12().toString(), e.getMessage());
            }
        }
        return TrustStores.context(keys, s.trustStore(), s.trustStorePassword());
    }

    /** The structure's certificate; a wrong password or file says it is the certificate that cannot be read. */
    private static KeyStore clientKeys(MssanteSettings.Certificate c) {
        try {
            return TrustStores.load(c.pkcs12(), c.password());
        } catch (BadInputException e) {
            throw new BadInputException(c.pkcs12().toString(), "mssante.certificate", c.pkcs12().toString(), e.args().get(1));
        }
    }
}
