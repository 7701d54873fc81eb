package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.sync.engine.RetryPolicy;
import fr.relais.sync.engine.SyncSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which credential the sync presents to the team server: after a Pro Santé Connect sign-in, the nurse's session (held
 * in memory, renewed as it expires) rather than the workstation's token file; a credential typed on the command line
 * still wins. The session itself, its renewal and its refusal are proven against Keycloak in the team server's
 * ProSanteConnectIT.
 */
class SyncCredentialsTest {
    private static final String SERVER = "https://equipe.example.org/fhir";
    @TempDir
    Path dir;

    @Test
    void afterAPscSignInTheNursesSessionReplacesTheWorkstationsTokenFile() throws IOException {
        Map<String, String> env = Map.of(SyncSettings.TOKEN_FILE_VARIABLE, tokenFile().toString());

        SyncSettings settings = SyncCommand.serverSettings(env, SERVER, null, null, "cabinet-leroux", () -> "jeton-de-session-claire", RetryPolicy.DEFAULT);

        assertThat(settings.auth()).isInstanceOfSatisfying(SyncSettings.Auth.Renewed.class,
                renewed -> assertThat(renewed.tokens().get()).isEqualTo("jeton-de-session-claire"));
        assertThat(settings.auth().toString()).doesNotContain("jeton");
    }

    @Test
    void aTokenOrAUserTypedOnTheCommandLineStillWinsOverThePscSession() throws IOException {
        Map<String, String> env = Map.of(SyncSettings.TOKEN_FILE_VARIABLE, tokenFile().toString());

        assertThat(SyncCommand.serverSettings(env, SERVER, "jeton-tape", null, null, () -> "jeton-de-session", RetryPolicy.DEFAULT).auth())
                .isEqualTo(new SyncSettings.Auth.Bearer("jeton-tape"));
        assertThat(SyncCommand.serverSettings(env, SERVER, null, "claire", null, () -> "jeton-de-session", RetryPolicy.DEFAULT).auth())
                .isInstanceOf(SyncSettings.Auth.Basic.class);
    }

    @Test
    void withoutPscSignInTheWorkstationsTokenFileIsUsedAsBefore() throws IOException {
        Map<String, String> env = Map.of(SyncSettings.TOKEN_FILE_VARIABLE, tokenFile().toString());

        assertThat(SyncCommand.serverSettings(env, SERVER, null, null, null, null, RetryPolicy.DEFAULT).auth())
                .isEqualTo(new SyncSettings.Auth.Bearer("jeton-du-poste"));
    }

    private Path tokenFile() throws IOException {
        return Files.writeString(dir.resolve("jeton"), "jeton-du-poste\n");
    }
}
