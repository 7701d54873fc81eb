package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The passphrase that opens an encrypted store (ADR 0011), or none. SQLCipher's key derivation (PBKDF2-HMAC-SHA512,
 * 256,000 iterations, a random salt in the file) turns it into the key; Relais never stores it, never logs it
 * ({@link #toString} hides it) and takes it from a file or a prompt, never from the command line.
 */
public final class StoreKey {
    /** A plain (unencrypted) store. */
    public static final StoreKey NONE = new StoreKey(new char[0]);
    /** Below this a new passphrase is refused: it protects patient files on a laptop that can be stolen. */
    public static final int MINIMUM_LENGTH = 12;

    private final char[] passphrase;

    private StoreKey(char[] passphrase) {
        this.passphrase = passphrase;
    }

    /** A passphrase typed by the user (a copy is kept; wipe the caller's array when done). */
    public static StoreKey of(char[] passphrase) {
        return passphrase.length == 0 ? NONE : new StoreKey(passphrase.clone());
    }

    /** The first line of {@code file} (RELAIS_PASSPHRASE_FILE): the way scripts and services give the passphrase. */
    public static StoreKey fromFile(Path file) {
        return new StoreKey(fr.relais.core.session.SecretFile.firstLine(file));
    }

    /** Refuses a passphrase too short to be set on a store (opening with an older, shorter one stays possible). */
    public StoreKey checkedAsNew(String input) {
        if (passphrase.length < MINIMUM_LENGTH) {
            throw new BadInputException(input, "store.passphrase.tooShort", MINIMUM_LENGTH);
        }
        return this;
    }

    public boolean isSet() {
        return passphrase.length > 0;
    }

    /** The passphrase as SQLite's {@code PRAGMA key} takes it; only the store's connector calls this. */
    String secret() {
        return new String(passphrase);
    }

    /** Overwrites the passphrase in memory (the JDBC driver keeps its own copy for the connections it opens). */
    public void wipe() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoreKey key && Arrays.equals(passphrase, key.passphrase);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(passphrase);
    }

    @Override
    public String toString() {
        return isSet() ? "StoreKey[passphrase hidden]" : "StoreKey[none]";
    }
}
