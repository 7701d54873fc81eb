package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an administrator's file and the service's environment combine into the server's settings. */
class TeamServerSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theServiceEnvironmentOverridesTheFileKeyByKey() throws IOException {
        Path file = Files.writeString(dir.resolve("team-server.properties"), """
                jdbc.url=jdbc:postgresql://db.cpts.local:5432/relais
                jdbc.user=relais
                port=8080
                issuer=https://auth.cpts.local/realms/relais
                """);
        Path secret = Files.writeString(dir.resolve("db-password"), "s3cret\n");

        TeamServerSettings settings = TeamServerSettings.load(file, Map.of("RELAIS_TEAM_SERVER_PORT", "9090",
                "RELAIS_TEAM_SERVER_JDBC_PASSWORD_FILE", secret.toString()), false);

        assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.cpts.local:5432/relais");
        assertThat(settings.postgres()).isTrue();
        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.jdbcPassword()).isEqualTo("s3cret");
        assertThat(settings.teamTagSystem()).isEqualTo("urn:relais:team");
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void aProductionServerWithoutIssuerDoesNotStart() {
        assertThatThrownBy(() -> TeamServerSettings.load(null, Map.of("RELAIS_TEAM_SERVER_JDBC_URL", "jdbc:postgresql://localhost/relais"), false))
                .hasMessageContaining("RELAIS_TEAM_SERVER_ISSUER");
        assertThatThrownBy(() -> TeamServerSettings.load(null, Map.of("RELAIS_TEAM_SERVER_ISSUER", "https://auth.cpts.local/realms/relais"), false))
                .hasMessageContaining("RELAIS_TEAM_SERVER_JDBC_URL");
    }

    @Test
    void aTrialWithoutIssuerListensOnThisMachineOnly() {
        TeamServerSettings trial = TeamServerSettings.load(null, Map.of("RELAIS_TEAM_SERVER_TRIAL_DIRECTORY", dir.toString()), true);

        assertThat(trial.checksTokens()).isFalse();
        assertThat(trial.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(trial.jdbcUrl()).startsWith("jdbc:h2:file:" + dir);
        assertThatThrownBy(() -> TeamServerSettings.load(null, Map.of("RELAIS_TEAM_SERVER_BIND", "0.0.0.0"), true))
                .hasMessageContaining("127.0.0.1");
    }
}
