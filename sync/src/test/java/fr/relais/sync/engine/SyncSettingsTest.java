package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which patients a sync pulls, as the settings and the command line say, and who "I" am for the care-team scope. */
class SyncSettingsTest {
    private static final SyncSettings BASE = SyncSettings.of("https://fhir.example-cpts.fr/fhir", "cpts-nord", null);

    @Test
    void theWholeTeamByDefaultAndTheCareTeamsOfTheAccountsRppsWhenAsked() {
        assertThat(BASE.withScopeFrom(Map.of(), null, Optional.of("10001234567")).careTeamMember()).isNull();
        assertThat(BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "team"), null, Optional.of("10001234567")).careTeamMember()).isNull();
        SyncSettings mine = BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "10009999999"), null, Optional.of("10001234567"));
        assertThat(mine.careTeamMember()).as("the signed-in account's RPPS comes first").isEqualTo("10001234567");
        assertThat(BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "10009999999"), null, Optional.empty())
                .careTeamMember()).as("a workstation without accounts names it in its settings").isEqualTo("10009999999");
        assertThat(BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "careteam"), "team", Optional.of("10001234567")).careTeamMember())
                .as("the command line wins over the settings").isNull();
        assertThat(mine.toString()).contains("careTeamsOf=10001234567");
        assertThat(mine.withPageSize(10).withRetries(2, java.time.Duration.ofMillis(1)).careTeamMember()).isEqualTo("10001234567");
    }

    @Test
    void anUnknownScopeOrAMissingOrMalformedRppsIsBadInputNamingTheSetting() {
        assertThatThrownBy(() -> BASE.withScopeFrom(Map.of(), "careteam", Optional.empty())).isInstanceOfSatisfying(BadInputException.class, e -> {
            assertThat(e.input()).isEqualTo("--scope");
            assertThat(e.message(Language.EN)).contains("RELAIS_RPPS");
        });
        assertThatThrownBy(() -> BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "everyone"), null, Optional.empty()))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("RELAIS_SCOPE");
                    assertThat(e.message(Language.FR)).contains("everyone", "team, careteam");
                });
        assertThatThrownBy(() -> BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "careteam", "RELAIS_RPPS", "1000123"), null, Optional.empty()))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("RELAIS_RPPS"));
        assertThatThrownBy(() -> BASE.withScopeFrom(Map.of("RELAIS_SCOPE", "careteam"), null, Optional.of("RPPS-1")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).contains("account"));
    }

    @Test
    void thePushGoesInBundlesOfFiftyUnlessTheSettingsGiveTheServersSize() {
        assertThat(BASE.pushBatch()).isEqualTo(SyncSettings.DEFAULT_PUSH_BATCH).isEqualTo(50);
        SyncSettings capped = BASE.withPushBatchFrom(Map.of("RELAIS_PUSH_BATCH", " 20 "));
        assertThat(capped.pushBatch()).isEqualTo(20);
        assertThat(capped.withPageSize(10).withRetries(2, java.time.Duration.ofMillis(1)).withCareTeamScope("10001234567").pushBatch())
                .as("kept by the other settings").isEqualTo(20);
        assertThat(BASE.withPushBatchFrom(Map.of()).pushBatch()).isEqualTo(50);
    }

    @Test
    void aPushBatchThatIsNotANumberFromOneToFiveHundredIsBadInputNamingTheSetting() {
        assertThatThrownBy(() -> BASE.withPushBatchFrom(Map.of("RELAIS_PUSH_BATCH", "cinquante")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("RELAIS_PUSH_BATCH");
                    assertThat(e.message(Language.FR)).contains("cinquante", "nombre entier");
                });
        assertThatThrownBy(() -> BASE.withPushBatchFrom(Map.of("RELAIS_PUSH_BATCH", "0")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.message(Language.FR)).contains("entre 1 et 500"));
        assertThatThrownBy(() -> BASE.withPushBatchFrom(Map.of("RELAIS_PUSH_BATCH", "501")))
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.input()).isEqualTo("RELAIS_PUSH_BATCH"));
    }

    @Test
    void aNewLaptopsFirstSyncMayUseTheServersExportUnlessTheSettingSaysOff() {
        assertThat(BASE.firstSyncExport()).isTrue();
        assertThat(BASE.withFirstSyncExportFrom(Map.of()).firstSyncExport()).isTrue();
        assertThat(BASE.withFirstSyncExportFrom(Map.of("RELAIS_FIRST_SYNC_EXPORT", " ON ")).firstSyncExport()).isTrue();
        SyncSettings paging = BASE.withFirstSyncExportFrom(Map.of("RELAIS_FIRST_SYNC_EXPORT", "off"));
        assertThat(paging.firstSyncExport()).isFalse();
        assertThat(paging.withPushBatch(20).withPageSize(10).withRetries(2, java.time.Duration.ofMillis(1)).withCareTeamScope("10001234567")
                .withTrustStore(java.nio.file.Path.of("ca.p12"), new char[0]).firstSyncExport()).as("kept by the other settings").isFalse();
        assertThatThrownBy(() -> BASE.withFirstSyncExportFrom(Map.of("RELAIS_FIRST_SYNC_EXPORT", "peut-être")))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.input()).isEqualTo("RELAIS_FIRST_SYNC_EXPORT");
                    assertThat(e.message(Language.FR)).contains("peut-être", "on", "off");
                });
    }

    @Test
    void theServerSeesTheSameAuthorizationWhateverTheConnection() {
        assertThat(new SyncSettings.Auth.Bearer("jeton").authorization()).contains("Bearer jeton");
        assertThat(new SyncSettings.Auth.Basic("idel", "mot de passe").authorization())
                .contains("Basic " + java.util.Base64.getEncoder().encodeToString("idel:mot de passe".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(new SyncSettings.Auth.None().authorization()).isEmpty();
    }
}
