package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais sync --watch}'s contract before it listens: its options checked before the store is opened, and a
 * first sync that cannot reach the server ending the command as {@code relais sync} ends, nothing lost. Its listening
 * is proven against the real team server (TeamChangesPushedIT.aWatchingWorkstationReceivesAColleaguesWeightWithoutPolling).
 */
class SyncWatchCliTest {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void setUp() {
        db = StoreTemplate.copyTo(dir.resolve("relais.db"));
        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F",
                "--birth-date", "1950-03-14", "--ipp", "P1").code()).isZero();
    }

    @Test
    void aFallbackPollWithoutWatchOrOutOfRangeIsRefusedNamingTheOptionWithTheStoreUnchanged() {
        CliRun withoutWatch = CliRun.on(db, "sync", "--server", "http://127.0.0.1:9/fhir", "--poll", "5");
        assertThat(withoutWatch.code()).isEqualTo(2);
        assertThat(withoutWatch.err()).contains("--poll", "--watch");
        CliRun tooShort = CliRun.on(db, "sync", "--server", "http://127.0.0.1:9/fhir", "--watch", "--poll", "0");
        assertThat(tooShort.code()).isEqualTo(2);
        assertThat(tooShort.err()).contains("--poll", "1440");
        try (RelaisCore core = open()) {
            assertThat(core.syncRuns().recent(1)).isEmpty();
            assertThat(core.outbox().count()).isEqualTo(1);
        }
    }

    @Test
    void aWatchingWorkstationWhoseServerCannotBeReachedSaysSoInFrenchAndExitsOneWithNothingLost() {
        CliRun run = CliRun.of((s, l) -> { }, Map.of("RELAIS_DB", db.toString(), "RELAIS_SERVER", "http://127.0.0.1:9/fhir",
                "RELAIS_IPP_OID", "1.2.250.1.999.99.1"), "sync", "--watch");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("injoignable", "127.0.0.1:9").doesNotContain("Exception");
        try (RelaisCore core = open()) {
            assertThat(core.outbox().count()).isEqualTo(1);
            assertThat(core.syncRuns().recent(1).get(0).status()).isEqualTo("FAILED");
        }
    }

    private RelaisCore open() {
        return RelaisCore.open(db, CliRun.CLOCK, new UserSession(new Actor("test", "Test", "test")));
    }
}
