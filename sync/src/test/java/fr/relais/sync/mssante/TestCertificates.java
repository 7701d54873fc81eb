package fr.relais.sync.mssante;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real key pairs and certificates for the TLS tests, made by the JDK's keytool: the mail server's (localhost) and a
 * structure's client certificate, each trusted by the other side through its own trust store.
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";
    public final Path serverKeys;
    public final Path serverTrust;
    public final Path clientKeys;
    public final Path clientTrust;

    public TestCertificates(Path dir) throws IOException, InterruptedException {
        serverKeys = dir.resolve("server.p12");
        clientKeys = dir.resolve("client.p12");
        serverTrust = dir.resolve("server-trust.p12");
        clientTrust = dir.resolve("client-trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", serverKeys.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=CPTS de test,O=Relais",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", clientKeys.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        Path serverCert = dir.resolve("server.cer");
        Path clientCert = dir.resolve("client.cer");
        keytool("-exportcert", "-alias", "server", "-keystore", serverKeys.toString(), "-storepass", PASSWORD, "-file", serverCert.toString());
        keytool("-exportcert", "-alias", "client", "-keystore", clientKeys.toString(), "-storepass", PASSWORD, "-file", clientCert.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", serverCert.toString(), "-storetype", "PKCS12",
                "-keystore", clientTrust.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", clientCert.toString(), "-storetype", "PKCS12",
                "-keystore", serverTrust.toString(), "-storepass", PASSWORD);
    }

    /** The mail server's TLS context: its key, and the client certificates it trusts. */
    public SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(serverKeys), PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(serverTrust));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private static KeyStore load(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        }
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
