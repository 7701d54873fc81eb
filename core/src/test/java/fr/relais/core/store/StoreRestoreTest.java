package fr.relais.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.relais.core.TestServices;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.Sex;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores on real files and real processes: the store is taken from every other Relais first (a running import is
 * never overwritten), a backup this version cannot open is refused before anything is replaced, and a restore is undone
 * by restoring the copy it kept.
 */
class StoreRestoreTest {
    private static final Instant NOW = TestServices.NOW;
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final int ROWS = 20_000;

    @TempDir
    Path dir;
    Path db;
    Path backup;

    @BeforeEach
    void aStoreWithOnePatientMeasuredOnceAndItsBackup() {
        db = dir.resolve("relais.db");
        backup = dir.resolve("sauvegarde.db");
        try (TestServices s = new TestServices(db)) {
            var patient = s.registerPatient("RESTAURE", "Anne", Sex.F, LocalDate.of(1950, 3, 4), "IPP-R1");
            s.measures.record(new fr.relais.core.measure.NewMeasure(patient.id(), "29463-7", "70", "kg", NOW.minusSeconds(3600),
                    fr.relais.core.measure.MeasureSource.ENTERED));
            StoreBackup.backup(s.database, backup);
        }
    }

    private static long count(Path file, String sql) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private long measures() throws Exception {
        return count(db, "SELECT count(*) FROM measure");
    }

    private List<String> filesBeside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path csvOfTwentyThousandWeights() throws Exception {
        StringBuilder csv = new StringBuilder("patient;code;value;unit;effective\n");
        Instant first = NOW.minusSeconds(60L * ROWS + 3600);
        for (int i = 0; i < ROWS; i++) {
            csv.append("IPP-R1;29463-7;").append(60 + i % 30).append(";kg;").append(first.plusSeconds(60L * i)).append('\n');
        }
        return Files.writeString(dir.resolve("pesees.csv"), csv);
    }

    @Test
    void aRestoreWhileAnotherRelaisImportsWaitsOrRefusesAndLosesNoMeasure() throws Exception {
        Path csv = csvOfTwentyThousandWeights();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process importer = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                ImportWorker.class.getName(), db.toString(), csv.toString(), NOW.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> said = new ArrayList<>();
        BadInputException refused;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(importer.getInputStream(), StandardCharsets.UTF_8))) {
            said.add(out.readLine());
            assertThat(said).containsExactly("OPEN");

            // The other Relais has the store open (reading its file, or between two writes): the restore is refused.
            refused = catchThrowableOfType(BadInputException.class, () -> StoreBackup.restore(backup, db, CLOCK));

            for (String line = out.readLine(); line != null; line = out.readLine()) {
                said.add(line);
            }
            assertThat(importer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(refused).as("restore while the import runs").isNotNull();
        assertThat(refused.reasonKey()).isEqualTo("backup.inUse");
        assertThat(refused.reason(Language.FR)).contains("ouverte par un autre Relais", "rien n'a été modifié");
        assertThat(importer.exitValue()).isZero();
        assertThat(said).containsExactly("OPEN", "IMPORTED " + ROWS);
        assertThat(measures()).as("every imported measure is in the live store").isEqualTo(1 + ROWS);
        assertThat(filesBeside()).noneMatch(name -> name.contains("before-restore") || name.contains("restoring"));

        // Once the import is over, the restore goes through, and is undone through Relais with every measure back.
        Path kept = StoreBackup.restore(backup, db, CLOCK);
        assertThat(measures()).isEqualTo(1);
        assertThat(StoreBackup.lastKeptBeforeRestore(db)).isEqualTo(kept);
        StoreBackup.restore(StoreBackup.lastKeptBeforeRestore(db), db, CLOCK);
        assertThat(measures()).isEqualTo(1 + ROWS);
        try (TestServices s = new TestServices(db)) {
            assertThat(s.database.dsl().fetchValue("PRAGMA integrity_check")).isEqualTo("ok");
        }
    }

    @Test
    void aStoreBeingRestoredIsNotOpenedByAnotherRelaisUntilTheRestoreEnds() {
        try (StoreLock restoring = StoreLock.exclusive(db, "backup.inUse")) {
            BadInputException waited = catchThrowableOfType(BadInputException.class,
                    () -> StoreLock.shared(db, java.time.Duration.ofMillis(200)));
            assertThat(waited.reasonKey()).isEqualTo("store.busy");
            assertThat(waited.reason(Language.FR)).contains("en cours de restauration");
        }
        StoreLock.shared(db, java.time.Duration.ofMillis(200)).close();
    }

    @Test
    void aBackupFromANewerRelaisIsRefusedAndTheStoreStillOpens() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + backup); var s = c.createStatement()) {
            s.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, "
                    + "installed_on, execution_time, success) VALUES (999, '999', 'future', 'SQL', 'V999__future.sql', 0, 'x', "
                    + "'2030-01-01 00:00:00.000', 1, 1)");
        }
        assertRefusedBeforeTheSwap("backup.tooNew", "version plus récente de Relais");
    }

    @Test
    void aBackupWithAFailedMigrationIsRefusedBeforeTheSwap() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + backup); var s = c.createStatement()) {
            s.execute("UPDATE flyway_schema_history SET success = 0 WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
        }
        assertRefusedBeforeTheSwap("backup.migrationFailed", "mise à jour de schéma interrompue");
    }

    private void assertRefusedBeforeTheSwap(String reasonKey, String said) throws Exception {
        byte[] before = Files.readAllBytes(db);
        List<String> filesBefore = filesBeside();

        BadInputException refused = catchThrowableOfType(BadInputException.class, () -> StoreBackup.restore(backup, db, CLOCK));

        assertThat(refused.reasonKey()).isEqualTo(reasonKey);
        assertThat(refused.reason(Language.FR)).contains(said, "la base actuelle n'a pas été modifiée");
        assertThat(Files.readAllBytes(db)).as("the live store, byte for byte").isEqualTo(before);
        assertThat(filesBeside()).as("no copy left, nothing kept").isEqualTo(filesBefore);
        try (TestServices s = new TestServices(db)) {
            assertThat(s.patients.count()).as("the store still opens").isEqualTo(1);
        }
        assertThat(measures()).isEqualTo(1);
    }
}
