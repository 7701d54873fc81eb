package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais dmp file} on the command line: what cannot be filed is refused in French, exit 2, before anything
 * leaves. (Filing to a real FHIR server, replacement and opposition: sync's DmpFeedingTest.)
 */
class DmpCliTest {
    @TempDir
    Path dir;

    private CliRun run(Map<String, String> extraEnv, String... args) {
        return CliRun.on(dir.resolve("relais.db"), extraEnv, args);
    }

    @Test
    void aProvisionalIdentityOrAnUnknownDocumentIsRefusedBeforeAnythingLeaves() throws Exception {
        assertThat(run(Map.of(), "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();

        CliRun notConfigured = run(Map.of(), "dmp", "file", "--patient", "P1", "--document", "report");
        assertThat(notConfigured.code()).isEqualTo(2);
        assertThat(notConfigured.err()).contains("DMP n'est pas configurée", "RELAIS_DMP_CONFIG");

        Path config = dir.resolve("dmp.properties");
        // A port nothing listens on: the refusal must come before any connection.
        Files.writeString(config, "endpoint=http://127.0.0.1:9/fhir\norganization.name=CPTS de test\nsource.oid=1.2.250.1.999.99.2\n");
        Map<String, String> env = Map.of("RELAIS_DMP_CONFIG", config.toString());
        CliRun provisional = run(env, "dmp", "file", "--patient", "P1", "--document", "plan");
        assertThat(provisional.code()).isEqualTo(2);
        assertThat(provisional.err()).contains("identité n'est pas qualifiée").doesNotContain("injoignable");

        CliRun unknown = run(env, "dmp", "file", "--patient", "P1", "--document", "ordonnance");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("--document", "ordonnance");
    }
}
