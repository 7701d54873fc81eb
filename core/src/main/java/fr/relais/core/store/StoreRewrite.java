package fr.relais.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replacing a store file by a new one (a restored backup, the store under a new key) so that a kill or a crash at any
 * moment leaves either the old store or the new one under its name, never a mix and never nothing: the new file is
 * written whole beside the store under a name of its own, forced to disk, and takes the store's name in one atomic
 * rename, which is the moment of commit. A kill before it leaves the old store and a partial file, which the next open
 * removes ({@link #recover}); a kill after it leaves the new store.
 *
 * <p>Callers hold the store's exclusive {@link StoreLock} and have folded its write-ahead log into it: a log left
 * beside the new file would be replayed into it by SQLite.
 */
final class StoreRewrite {
    private static final String[] SQLITE_SIDE_FILES = {"", "-journal", "-wal", "-shm"};

    private StoreRewrite() {
    }

    /** Where the new file of the store at {@code db} is written before it takes the store's name. */
    static Path pendingOf(Path db, String purpose) {
        Path absolute = db.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + "." + purpose);
    }

    /** Removes what an interrupted rewrite left (the partial new file and its journals); the store itself is untouched. */
    static void recover(Path db) {
        for (String purpose : new String[] {"rekey", "restoring"}) {
            Path pending = pendingOf(db, purpose);
            for (String side : SQLITE_SIDE_FILES) {
                try {
                    Files.deleteIfExists(Path.of(pending + side));
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot remove " + pending + side + " left by an interrupted operation", e);
                }
            }
        }
    }

    /**
     * Gives {@code pending} the name of the store {@code db}: forced to disk first, then renamed atomically over it, then
     * the folder forced so that the rename survives a power cut. The store's shared-memory index goes first: it
     * described the old file.
     */
    static void commit(Path pending, Path db) throws IOException {
        Path wal = Path.of(db + "-wal");
        for (Path log : new Path[] {wal, Path.of(pending + "-wal")}) {
            if (Files.exists(log) && Files.size(log) > 0) {
                throw new IOException("the write-ahead log " + log + " is not empty");
            }
        }
        force(pending);
        Files.deleteIfExists(wal);
        Files.deleteIfExists(Path.of(db + "-shm"));
        Files.move(pending, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(db.getParent());
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // some systems (Windows) cannot open a folder: the rename is still atomic, only its durability is the OS's
        }
    }
}
