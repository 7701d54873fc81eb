package fr.relais.core.alert;

import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.MutableClock;
import fr.relais.core.TestServices;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** What an alert-engine test starts from: a migrated store on a clock it moves, and one patient registered. */
abstract class AlertFixture {
    @TempDir
    Path dir;
    MutableClock clock;
    TestServices s;
    Patient patient;

    /** Opens the store at {@code now} and registers the patient of the test (no INS). */
    void open(Instant now, String family, String given, Sex sex, LocalDate birthDate) {
        clock = new MutableClock(now);
        s = new TestServices(dir.resolve("relais.db"), clock);
        patient = s.registerPatient(family, given, sex, birthDate, null);
    }

    @AfterEach
    void closeStore() {
        s.close();
    }
}
