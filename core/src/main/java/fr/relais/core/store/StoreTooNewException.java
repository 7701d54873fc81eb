package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.nio.file.Path;

/** The database was written by a newer Relais: opening it would risk damaging data this version does not know. */
public class StoreTooNewException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public StoreTooNewException(Path file, String storeVersion, String knownVersion) {
        super(file.toString(), "store.tooNew", storeVersion, knownVersion);
    }
}
