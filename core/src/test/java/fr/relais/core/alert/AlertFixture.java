package fr.relais.core.alert;

import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.identity.Sex;
import java.time.Instant;
import java.time.LocalDate;

/** What an alert-engine test starts from: a migrated store on a clock it moves, and one patient registered. */
abstract class AlertFixture extends StoreTest {
    MutableClock clock;

    /** Opens the store at {@code now} and registers the patient of the test (no INS). */
    void open(Instant now, String family, String given, Sex sex, LocalDate birthDate) {
        clock = new MutableClock(now);
        openStore(clock);
        patient = s.registerPatient(family, given, sex, birthDate, null);
    }
}
