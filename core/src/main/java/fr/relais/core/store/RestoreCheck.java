package fr.relais.core.store;

import java.nio.file.Path;

/**
 * What a restore asks of the rest of Relais (the audit trail): to check the backup's migrated copy before anything is
 * replaced, and to follow once the copy has become the store, while no other Relais can open it yet.
 */
@FunctionalInterface
public interface RestoreCheck {
    /** Nothing beyond the store's own checks. */
    RestoreCheck NONE = copy -> { };

    /** Refuses the copy with a {@link fr.relais.core.error.BadInputException} naming the backup; changes nothing. */
    void verify(Database copy);

    /** Runs once the checked copy is the store at {@code databaseFile}, still under the restore's exclusive lock. */
    default void restored(Path databaseFile) {
    }
}
