package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais insi search|verify} on the command line: what cannot be asked is refused in French with exit 2 and
 * the file unchanged. (The calls to a local INSi endpoint with TLS client authentication: sync's InsiSoapClientTest.)
 */
class InsiCliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> extraEnv, String... args) {
        return CliRun.on(dir.resolve("relais.db"), extraEnv, args);
    }

    @BeforeEach
    void patient() {
        assertThat(run(Map.of(), "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();
    }

    @Test
    void aWrongCarteVitaleNumberIsNamedAndNothingIsAsked() {
        CliRun wrong = run(Map.of(), "insi", "search", "--patient", "P1", "--vitale", "250037505612399", "--vitale-birth-date", "1950-03-14");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("--vitale", "clé");
        CliRun noDate = run(Map.of(), "insi", "search", "--patient", "P1", "--vitale", "250037505612372");
        assertThat(noDate.code()).isEqualTo(2);
        assertThat(noDate.err()).contains("--vitale-birth-date");
        assertThat(run(Map.of(), "audit", "list", "--patient", "P1").out()).doesNotContain("insi");
    }

    @Test
    void aCertificateThatCannotBeReadIsNamedForTheAdministrator() throws Exception {
        Path config = dir.resolve("insi.properties");
        Path password = Files.writeString(dir.resolve("insi.pass"), "secret");
        Files.writeString(config, "endpoint=https://localhost:9/insi\ncertificate.file=" + dir.resolve("absent.p12")
                + "\ncertificate.password.file=" + password + "\n");
        CliRun refused = run(Map.of("RELAIS_INSI_CONFIG", config.toString()), "insi", "verify", "--patient", "P1");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("absent.p12", "ne peut pas être lu").doesNotContain("secret", "Exception");

        Files.writeString(config, "certificate.file=" + dir.resolve("absent.p12") + "\n");
        CliRun incomplete = run(Map.of("RELAIS_INSI_CONFIG", config.toString()), "insi", "search", "--patient", "P1");
        assertThat(incomplete.code()).isEqualTo(2);
        assertThat(incomplete.err()).contains("configuration INSi", "endpoint");
    }
}
