package fr.relais.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.sync.engine.SyncSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workstation's settings file: the environment wins, secrets stay in their own files, bad files say why. */
class WorkstationSettingsTest {
    @TempDir
    Path dir;

    @Test
    void theFileGivesTheServerAndTokenFileTheEnvironmentWinsAndTheTokenIsReadFromItsFile() throws Exception {
        Path file = WorkstationSettings.fileFor(dir.resolve("relais.db"));
        Path token = Files.writeString(dir.resolve("token"), "  eyJ-jeton \n");
        WorkstationSettings.save(file, Map.of("RELAIS_SERVER", "https://fhir.example/fhir", "RELAIS_TEAM", "cpts-a",
                "RELAIS_TOKEN_FILE", token.toString()));
        Map<String, String> effective = WorkstationSettings.effective(Map.of("RELAIS_TEAM", "cpts-b"), file);
        assertThat(effective).containsEntry("RELAIS_SERVER", "https://fhir.example/fhir").containsEntry("RELAIS_TEAM", "cpts-b");
        SyncSettings.Auth auth = SyncSettings.authFrom(effective, null);
        assertThat(auth).isEqualTo(new SyncSettings.Auth.Bearer("eyJ-jeton"));
        assertThat(auth.toString()).doesNotContain("eyJ");
        assertThat(SyncSettings.authFrom(effective, "marie")).isInstanceOf(SyncSettings.Auth.Basic.class);
        assertThat(SyncSettings.authFrom(Map.of(), null)).isInstanceOf(SyncSettings.Auth.None.class);
    }

    @Test
    void aSecretInClearAnUnknownKeyOrAMissingSecretFileIsRefusedByName() throws Exception {
        Path file = dir.resolve("relais.properties");
        Files.writeString(file, "RELAIS_SERVER=https://fhir.example/fhir\nRELAIS_TOKEN=en-clair\n");
        assertThatThrownBy(() -> WorkstationSettings.load(file)).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.message(Language.FR)).contains("RELAIS_TOKEN", "*_FILE"));
        assertThatThrownBy(() -> WorkstationSettings.save(file, Map.of("RELAIS_SECRET", "x"))).isInstanceOf(BadInputException.class);
        assertThat(Files.readString(file)).as("a refused save leaves the file as it was").contains("RELAIS_TOKEN=en-clair");

        assertThatThrownBy(() -> WorkstationSettings.save(file, Map.of("RELAIS_SCOPE", "region"))).isInstanceOfSatisfying(BadInputException.class,
                e -> assertThat(e.message(Language.EN)).contains("region", "team, careteam"));
        assertThatThrownBy(() -> WorkstationSettings.save(file, Map.of("RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "12AB")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("RELAIS_RPPS"));
        assertThat(Files.readString(file)).as("a refused save leaves the file as it was").contains("RELAIS_TOKEN=en-clair");
        WorkstationSettings.save(file, Map.of("RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "10001234567"));
        assertThat(WorkstationSettings.load(file)).containsEntry("RELAIS_SCOPE", "careteam").containsEntry("RELAIS_RPPS", "10001234567");

        assertThatThrownBy(() -> SyncSettings.authFrom(Map.of("RELAIS_TOKEN_FILE", dir.resolve("absent").toString()), null))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.FR)).contains("RELAIS_TOKEN_FILE"));
    }

    @Test
    void alertReadingHoursThatCloseBeforeTheyOpenAreRefusedInFrenchAndNotSaved() {
        Path file = dir.resolve("relais.properties");
        assertThatThrownBy(() -> WorkstationSettings.save(file, Map.of("RELAIS_READING_HOURS", "20:00-08:00")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("RELAIS_READING_HOURS");
                    assertThat(e.message(Language.FR)).contains("« 20:00-08:00 »", "heures de lecture des alertes", "08:00-20:00");
                });
        assertThat(file).doesNotExist();
        WorkstationSettings.save(file, Map.of("RELAIS_READING_HOURS", "07:30-19:00"));
        assertThat(WorkstationSettings.load(file)).containsEntry("RELAIS_READING_HOURS", "07:30-19:00");
    }
}
