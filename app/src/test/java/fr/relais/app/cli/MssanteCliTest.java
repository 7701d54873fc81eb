package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais mssante} and {@code relais insi search|verify} on the command line: configuration and input errors exit 2,
 * an unreachable operator exits 1 with the message kept for a retry. (Sending to real SMTP servers: sync's
 * MssanteServiceTest.)
 */
class MssanteCliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> extraEnv, String... args) {
        return CliRun.on(dir.resolve("relais.db"), extraEnv, args);
    }

    @Test
    void aFailedSendIsKeptListedAndSaysHowToRetry() throws Exception {
        assertThat(run(Map.of(), "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();
        Path pdf = dir.resolve("rapport.pdf");
        assertThat(run(Map.of(), "report", "patient", "P1", "--out", pdf.toString()).code()).isZero();

        CliRun notConfigured = run(Map.of(), "mssante", "send", "--patient", "P1", "--to", "dr@medecin.mssante.fr", "--file", pdf.toString());
        assertThat(notConfigured.code()).isEqualTo(2);
        assertThat(notConfigured.err()).contains("RELAIS_MSSANTE_CONFIG");

        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path config = dir.resolve("mssante.properties");
        Files.writeString(config, "smtp.host=localhost\nsmtp.port=" + closedPort + "\nfrom=cpts@cpts.mssante.fr\ntimeout.seconds=5\nipp.oid=1.2.250.1.999.99.1\n");
        Map<String, String> env = Map.of("RELAIS_MSSANTE_CONFIG", config.toString(), "RELAIS_MSSANTE_PASSWORD", "secret-bal");

        CliRun outside = run(env, "mssante", "send", "--patient", "P1", "--to", "dr@gmail.com", "--file", pdf.toString());
        assertThat(outside.code()).isEqualTo(2);
        assertThat(outside.err()).contains("espace de confiance");
        Path text = dir.resolve("note.txt");
        Files.writeString(text, "pas un pdf");
        assertThat(run(env, "mssante", "send", "--patient", "P1", "--to", "dr@medecin.mssante.fr", "--file", text.toString()).code()).isEqualTo(2);

        CliRun failed = run(env, "--format", "json", "mssante", "send", "--patient", "P1", "--to", "dr@medecin.mssante.fr",
                "--file", pdf.toString(), "--label", "Rapport de parcours");
        assertThat(failed.code()).isEqualTo(1);
        JsonNode message = new com.fasterxml.jackson.databind.ObjectMapper().readTree(failed.out());
        assertThat(message.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.err()).contains("relais mssante retry " + message.get("id").asText()).doesNotContain("secret-bal");

        JsonNode list = run(env, "--format", "json", "mssante", "list", "--patient", "P1").json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("recipient").asText()).isEqualTo("dr@medecin.mssante.fr");
        assertThat(list.get(0).get("sha1").asText()).hasSize(40);
        assertThat(list.get(0).has("content")).isFalse();

        CliRun retried = run(env, "mssante", "retry", message.get("id").asText());
        assertThat(retried.code()).isEqualTo(1);
        assertThat(run(env, "--format", "json", "mssante", "list").json().get(0).get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void theInsiTeleserviceSaysItIsNotConfiguredRatherThanInventingAnAnswer() {
        assertThat(run(Map.of(), "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();
        CliRun fetch = run(Map.of(), "insi", "search", "--patient", "P1");
        assertThat(fetch.code()).isEqualTo(2);
        assertThat(fetch.err()).contains("INSi", "carte CPS");
        assertThat(fetch.out()).isEmpty();
        assertThat(run(Map.of(), "insi", "verify", "--patient", "P1").code()).isEqualTo(2);
    }
}
