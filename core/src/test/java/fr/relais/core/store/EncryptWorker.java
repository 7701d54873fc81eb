package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.nio.file.Path;

/**
 * {@code relais store encrypt} or {@code relais store passphrase} in its own JVM, for the kill test:
 * {@code EncryptWorker DB CURRENT-PASSPHRASE|- NEW-PASSPHRASE}. Prints "READY" just before it starts rewriting the
 * store, then "DONE" once the store is under the new passphrase, or "REFUSED key" when the store was refused.
 */
public final class EncryptWorker {
    private EncryptWorker() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        StoreKey next = StoreKey.of(args[2].toCharArray());
        try {
            StoreConnector.encryptionAvailable(); // the native library loaded before READY: the kill lands in the work
            System.out.println("READY");
            System.out.flush();
            if ("-".equals(args[1])) {
                StoreEncryption.encrypt(db, next);
            } else {
                StoreEncryption.changePassphrase(db, StoreKey.of(args[1].toCharArray()), next);
            }
            System.out.println("DONE");
        } catch (BadInputException refused) {
            System.out.println("REFUSED " + refused.reasonKey());
        }
    }
}
