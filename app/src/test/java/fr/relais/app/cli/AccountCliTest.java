package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.core.StoreTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais account} and signing in on the command line (issue 9): the first administrator, then every command
 * as RELAIS_ACCOUNT, each role refused what it may not do (exit 1, a clear message), bad passwords refused (exit 2).
 */
class AccountCliTest {
    @TempDir
    Path dir;
    Path db;
    Path adminPassword;
    Path password;

    @BeforeEach
    void setUp() throws Exception {
        db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        adminPassword = Files.writeString(dir.resolve("admin.txt"), "mot de passe admin!\n");
        password = Files.writeString(dir.resolve("soignant.txt"), "mot de passe soignant\n");
    }

    private CliRun as(String account, Path passwordFile, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("RELAIS_DB", db.toString()));
        if (account != null) {
            env.put(RelaisCommand.ACCOUNT_VARIABLE, account);
            env.put(RelaisCommand.ACCOUNT_PASSWORD_FILE_VARIABLE, passwordFile.toString());
        }
        return CliRun.of((services, language) -> { }, env, args);
    }

    @Test
    void theFirstAdministratorThenEveryCommandRunsAsAnAccountWithItsRoles() throws Exception {
        assertThat(as(null, null, "demo", "--patients", "3").code()).isZero();
        CliRun notAdmin = as(null, null, "account", "add", "--user", "claire", "--role", "IDEC", "--password-file", password.toString());
        assertThat(notAdmin.code()).isEqualTo(2);
        assertThat(notAdmin.err()).contains("ADMINISTRATEUR");

        JsonNode admin = as(null, null, "--format", "json", "account", "add", "--user", "admin", "--name", "Admin du poste",
                "--role", "ADMINISTRATEUR", "--password-file", adminPassword.toString()).json();
        assertThat(admin.get("roles").toString()).isEqualTo("[\"ADMINISTRATEUR\"]");
        assertThat(admin.get("active").asBoolean()).isTrue();

        CliRun anonymous = as(null, null, "patient", "list");
        assertThat(anonymous.code()).isEqualTo(2);
        assertThat(anonymous.err()).contains("RELAIS_ACCOUNT");
        CliRun wrong = as("admin", password, "patient", "list");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("identifiant ou mot de passe incorrect");

        assertThat(as("admin", adminPassword, "account", "add", "--user", "sophie", "--role", "SECRETAIRE",
                "--password-file", password.toString()).code()).isZero();
        assertThat(as("admin", adminPassword, "account", "add", "--user", "ines", "--role", "IDE",
                "--password-file", password.toString()).code()).isZero();
        JsonNode accounts = as("admin", adminPassword, "--format", "json", "account", "list").json();
        assertThat(accounts).hasSize(3);
        CliRun adminReadsClinical = as("admin", adminPassword, "alerts");
        assertThat(adminReadsClinical.code()).isEqualTo(1);
        assertThat(adminReadsClinical.err()).contains("admin n'a pas le droit", "(lire les données cliniques)");

        assertThat(as("sophie", password, "--format", "json", "patient", "list").json()).hasSize(3);
        CliRun secretaryAlerts = as("sophie", password, "alerts");
        assertThat(secretaryAlerts.code()).isEqualTo(1);
        assertThat(secretaryAlerts.err()).contains("sophie n'a pas le droit", "(lire les données cliniques)");
        assertThat(as("sophie", password, "account", "list").code()).isEqualTo(1);
        assertThat(as("sophie", password, "backup", "--out", dir.resolve("copie.db").toString()).code()).isEqualTo(1);
        assertThat(dir.resolve("copie.db")).doesNotExist();
        assertThat(as("admin", adminPassword, "backup", "--out", dir.resolve("copie.db").toString()).code()).isZero();

        assertThat(as("ines", password, "--format", "json", "alerts").code()).isZero();

        assertThat(as("admin", adminPassword, "account", "disable", "ines").code()).isZero();
        assertThat(as("ines", password, "alerts").code()).isEqualTo(2);
    }

    @Test
    void aUserChangesTheirOwnPassword() throws Exception {
        assertThat(as(null, null, "account", "add", "--user", "admin", "--role", "ADMINISTRATEUR",
                "--password-file", adminPassword.toString()).code()).isZero();
        Path next = Files.writeString(dir.resolve("next.txt"), "un nouveau mot de passe\n");
        assertThat(as("admin", adminPassword, "--format", "json", "account", "password", "--password-file", next.toString())
                .json().get("passwordChanged").asBoolean()).isTrue();
        assertThat(as("admin", adminPassword, "account", "list").code()).isEqualTo(2);
        assertThat(as("admin", next, "account", "list").code()).isZero();
    }

    /**
     * The workstation's cost of a password (issue 24): the launcher hashes at 600,000 rounds unless its setting asks for
     * more, refuses a lower setting by name with nothing written, and every account signs in at the cost its own hash
     * carries, whatever the workstation writes today (an account made at the tests' 1,000 rounds under the launcher's
     * 600,000, one made at 600,000 under the tests' 1,000).
     */
    @Test
    void theLauncherHashesNewPasswordsAtItsFullCostAndAccountsSignInAtTheCostTheirHashCarries() throws Exception {
        assertThat(CliRun.of((services, language) -> { }, Map.of("RELAIS_DB", db.toString()), "account", "add", "--user", "admin",
                "--role", "ADMINISTRATEUR", "--password-file", adminPassword.toString()).code()).isZero();
        assertThat(storedHash("admin")).startsWith("pbkdf2-sha256$1000$");

        Map<String, String> admin = Map.of("RELAIS_DB", db.toString(), RelaisCommand.ACCOUNT_VARIABLE, "admin",
                RelaisCommand.ACCOUNT_PASSWORD_FILE_VARIABLE, adminPassword.toString());
        Map<String, String> lowered = new HashMap<>(admin);
        lowered.put("RELAIS_PASSWORD_ITERATIONS", "1000");
        CliRun refused = CliRun.asTheLauncher(lowered, "account", "add", "--user", "ines", "--role", "IDE",
                "--password-file", password.toString());
        assertThat(refused.code()).as(refused.out()).isEqualTo(2);
        assertThat(refused.err()).contains("RELAIS_PASSWORD_ITERATIONS", "« 1000 »", "hachage des mots de passe")
                .doesNotContain("Exception");
        assertThat(storedHash("ines")).isNull();

        CliRun added = CliRun.asTheLauncher(admin, "account", "add", "--user", "ines", "--role", "IDE", "--password-file", password.toString());
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(storedHash("ines")).startsWith("pbkdf2-sha256$600000$");
        assertThat(storedHash("admin")).startsWith("pbkdf2-sha256$1000$");

        assertThat(as("ines", password, "--format", "json", "alerts").code()).isZero();
        assertThat(as("ines", adminPassword, "alerts").code()).isEqualTo(2);
    }

    private String storedHash(String user) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
             java.sql.PreparedStatement select = c.prepareStatement("select password_hash from account where user_id = ?")) {
            select.setString(1, user);
            try (java.sql.ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
