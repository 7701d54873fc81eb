package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.StoreTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What a command-line test starts from: its own database file, the CLI run against it, a patient registered. */
abstract class CliFixture {
    @TempDir
    Path dir;
    Path db;

    @BeforeEach
    void newDatabase() {
        // A copy of the migrated template store: the same store a first command would create, without migrating again
        db = StoreTemplate.copyTo(dir.resolve("relais.db"));
    }

    CliRun run(String... args) {
        return CliRun.on(db, args);
    }

    /** Registers a patient through {@code relais patient add}, which must succeed. */
    void addPatient(String family, String given, String sex, String birthDate, String ipp) {
        CliRun added = run("patient", "add", "--family", family, "--given", given, "--sex", sex, "--birth-date", birthDate,
                "--ipp", ipp);
        assertThat(added.code()).as(added.err()).isZero();
    }
}
