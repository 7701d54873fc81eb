package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.StoreTemplate;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signing in with Pro Santé Connect on the command line (RELAIS_ACCOUNT_PSC) when it cannot work: the team server
 * down, no team server configured, a number that is no RPPS. Each is named in French and signs nobody in; the
 * password sign-in and the local store go on working. The approved, refused and expired sign-ins run against a real
 * provider in the team server's ProSanteConnectIT; the matching of the RPPS to an account in AccountServiceTest.
 */
class ProSanteConnectCliTest {
    @TempDir
    Path dir;
    Path db;
    Path adminPassword;

    @BeforeEach
    void workstationWithAnAdministratorAndANurse() throws Exception {
        db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        adminPassword = Files.writeString(dir.resolve("admin.txt"), "mot de passe admin!\n");
        assertThat(run(Map.of(), "demo", "--patients", "2").code()).isZero();
        assertThat(run(Map.of(), "account", "add", "--user", "admin", "--role", "ADMINISTRATEUR",
                "--password-file", adminPassword.toString()).code()).isZero();
        assertThat(run(admin(), "account", "add", "--user", "claire", "--name", "Claire LEROUX", "--role", "IDE",
                "--rpps", "10001234567", "--password-file", adminPassword.toString()).code()).isZero();
    }

    @Test
    void anUnreachablePscLeavesOfflineWorkOpen() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliRun down = run(Map.of(ProSanteConnectSignIn.VARIABLE, "10001234567",
                "RELAIS_SERVER", "http://127.0.0.1:" + closed + "/fhir"), "patient", "list");

        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("Erreur : Pro Santé Connect est injoignable (serveur d'équipe ou PSC) : aucune session n'est ouverte. "
                + "Le travail hors ligne continue ; réessayez plus tard");
        assertThat(down.out()).isEmpty();
        // Her password still opens the same store, at once.
        CliRun offline = run(Map.of(RelaisCommand.ACCOUNT_VARIABLE, "claire",
                RelaisCommand.ACCOUNT_PASSWORD_FILE_VARIABLE, adminPassword.toString()), "--format", "json", "patient", "list");
        assertThat(offline.code()).isZero();
        assertThat(offline.json()).hasSize(2);
    }

    @Test
    void aPscSignInWithoutTeamServerOrWithAWrongNumberIsBadInput() {
        CliRun noServer = run(Map.of(ProSanteConnectSignIn.VARIABLE, "10001234567"), "patient", "list");
        assertThat(noServer.code()).isEqualTo(2);
        assertThat(noServer.err()).contains("la connexion Pro Santé Connect passe par le serveur de l'équipe : RELAIS_SERVER doit donner");

        CliRun wrong = run(Map.of(ProSanteConnectSignIn.VARIABLE, "1000123", "RELAIS_SERVER", "http://127.0.0.1:1/fhir"), "patient", "list");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("« 1000123 » n'est pas un numéro RPPS (11 chiffres) ni un identifiant national de professionnel");
    }

    private Map<String, String> admin() {
        return Map.of(RelaisCommand.ACCOUNT_VARIABLE, "admin", RelaisCommand.ACCOUNT_PASSWORD_FILE_VARIABLE, adminPassword.toString());
    }

    private CliRun run(Map<String, String> extra, String... args) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("RELAIS_DB", db.toString());
        return CliRun.of((services, language) -> { }, env, args);
    }
}
