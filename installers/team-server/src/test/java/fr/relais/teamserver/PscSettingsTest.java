package fr.relais.teamserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the administrator's Pro Santé Connect settings are read: the file, the environment on top, the secret file. */
class PscSettingsTest {
    private static final String SANDBOX =
            "https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet/.well-known/wallet-openid-configuration";

    @TempDir
    Path dir;

    @Test
    void theSandboxClientIsReadWithItsSecretFromAFileAndTheTeamsOfEachProfessional() throws IOException {
        Path teams = Files.writeString(dir.resolve("psc-teams.properties"), "810001234567=cabinet-leroux, cpts-nord\n");
        Path secret = Files.writeString(dir.resolve("psc-secret"), "s3cret-psc\n");
        Path file = Files.writeString(dir.resolve("team-server.properties"), """
                psc.discovery=%s
                psc.client.id=relais-cpts-nord
                psc.session.minutes=10
                psc.teams.file=%s
                """.formatted(SANDBOX, teams));

        PscSettings settings = PscSettings.load(file, Map.of("RELAIS_TEAM_SERVER_PSC_CLIENT_SECRET_FILE", secret.toString())).orElseThrow();

        assertThat(settings.discovery()).isEqualTo(URI.create(SANDBOX));
        assertThat(settings.clientId()).isEqualTo("relais-cpts-nord");
        assertThat(settings.clientSecret()).isEqualTo("s3cret-psc");
        assertThat(settings.scope()).isEqualTo("openid scope_all");
        assertThat(settings.acr()).isEqualTo("eidas1");
        assertThat(settings.sessionLife()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.teamsOf("810001234567")).isEqualTo(Set.of("cabinet-leroux", "cpts-nord"));
        assertThat(settings.teamsOf("810009876543")).isEmpty();
        assertThat(settings.toString()).doesNotContain("s3cret");
    }

    @Test
    void withoutDiscoveryThereIsNoProSanteConnectAndWithoutSecretTheServerDoesNotStart() {
        assertThat(PscSettings.load(null, Map.of())).isEmpty();
        assertThatThrownBy(() -> PscSettings.load(null, Map.of("RELAIS_TEAM_SERVER_PSC_DISCOVERY", SANDBOX,
                "RELAIS_TEAM_SERVER_PSC_CLIENT_ID", "relais-cpts-nord")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("psc.client.secret.file");
    }

    @Test
    void aUnitThatSetsAVariableToNothingKeepsTheFileValueAsForTheServersOtherSettings() throws IOException {
        // A systemd unit or a container often declares every variable, the unused ones empty: as for the database
        // settings, an empty variable overrides nothing (it used to hide the file's client id here).
        Path file = Files.writeString(dir.resolve("team-server.properties"), """
                psc.discovery=%s
                psc.client.id=relais-cpts-nord
                psc.client.secret=s3cret-psc
                psc.session.minutes=15
                """.formatted(SANDBOX));

        PscSettings settings = PscSettings.load(file, Map.of("RELAIS_TEAM_SERVER_PSC_CLIENT_ID", " ",
                "RELAIS_TEAM_SERVER_PSC_SESSION_MINUTES", "")).orElseThrow();

        assertThat(settings.clientId()).isEqualTo("relais-cpts-nord");
        assertThat(settings.sessionLife()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void sessionMinutesThatAreNotANumberAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> PscSettings.load(null, Map.of("RELAIS_TEAM_SERVER_PSC_DISCOVERY", SANDBOX,
                "RELAIS_TEAM_SERVER_PSC_CLIENT_ID", "relais-cpts-nord", "RELAIS_TEAM_SERVER_PSC_CLIENT_SECRET", "s3cret-psc",
                "RELAIS_TEAM_SERVER_PSC_SESSION_MINUTES", "dix")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("psc.session.minutes").hasMessageContaining("dix");
    }
}
