package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.i18n.Language;
import fr.relais.sync.mssante.TestCertificates;
import fr.relais.sync.server.JpaFhirServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync over HTTPS: a certificate the workstation does not trust stops the sync at once with a message the
 * administrator can act on (no retry storm, nothing sent); with the CA in the configured trust store it syncs.
 */
class TlsSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    @Test
    void anUntrustedCertificateStopsTheSyncAndTheConfiguredTrustStoreLetsItThrough() throws Exception {
        TestCertificates certificates = new TestCertificates(dir);
        URI plain = URI.create(SERVER.baseUrl());
        try (TlsForwarder https = new TlsForwarder(certificates.serverContext(), plain.getPort())) {
            String url = "https://localhost:" + https.port() + plain.getPath();
            String team = "tls-" + System.nanoTime();
            try (Laptop laptop = new Laptop(dir, "tls", url, team)) {
                laptop.register("DUBOIS", "Anne", "TLS-" + System.nanoTime());

                assertThatThrownBy(laptop::sync).isInstanceOfSatisfying(SyncFailedException.class, e -> {
                    assertThat(e.refused()).isTrue();
                    assertThat(e.detail().message(Language.FR)).contains("certificat", "RELAIS_TRUSTSTORE", url);
                });
                assertThat(laptop.core.outbox().count()).as("nothing left").isPositive();

                Path password = Files.writeString(dir.resolve("truststore.pass"), TestCertificates.PASSWORD);
                SyncSettings trusting = laptop.settings.withTrustStoreFrom(Map.of(SyncSettings.TRUSTSTORE_VARIABLE,
                        certificates.clientTrust.toString(), SyncSettings.TRUSTSTORE_PASSWORD_FILE_VARIABLE, password.toString()));
                SyncReport report = laptop.engine.run(trusting, SyncEngine.Mode.BOTH, SyncProgress.NONE, () -> false);
                assertThat(report.status()).isEqualTo("DONE");
                assertThat(report.pushed()).isPositive();
                assertThat(laptop.core.outbox().count()).isZero();
            }
        }
    }
}
