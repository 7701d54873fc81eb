package fr.relais.core;

import fr.relais.core.identity.Patient;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test on a real store: a copy of the migrated store in the test's own folder ({@link #dir}), the services it calls
 * ({@link #s}) and the patient it follows ({@link #patient}). The test class opens the store in its {@code @BeforeEach}
 * with the clock its situation needs and registers its patient; the store is closed after each test.
 */
public abstract class StoreTest {
    @TempDir
    protected Path dir;
    protected TestServices s;
    protected Patient patient;

    /** Opens the store on {@link TestServices#NOW}, a fixed instant. */
    protected final TestServices openStore() {
        s = new TestServices(dir.resolve("relais.db"));
        return s;
    }

    /** Opens the store on {@code clock}. */
    protected final TestServices openStore(Clock clock) {
        s = new TestServices(dir.resolve("relais.db"), clock);
        return s;
    }

    @AfterEach
    final void closeStore() {
        if (s != null) {
            s.close();
        }
    }
}
