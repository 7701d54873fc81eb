package fr.relais.core.store;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Who may use a store file, across every Relais process of the machine: a lock on a sibling {@code .lock} file, held
 * shared by every open store (for as long as it is open) and exclusive by whatever replaces or rewrites the file
 * (restore, encryption, passphrase change). SQLite's own locks are per transaction: they do not see a process that has
 * the store open between two writes, which is how a restore once replaced a store under a running import.
 *
 * <p>Operating-system file locks belong to the process (and closing any channel on the file drops all of them), so the
 * processes' one lock per file is shared here between the stores this JVM opens; an exclusive request from this JVM
 * while one of its own stores is open is refused like one from another process.
 */
final class StoreLock implements AutoCloseable {
    private static final Map<Path, Held> HELD = new HashMap<>();
    private static final long POLL_MILLIS = 50;

    private final Path lockFile;
    private boolean released;

    private StoreLock(Path lockFile) {
        this.lockFile = lockFile;
    }

    private static final class Held {
        final FileChannel channel;
        final FileLock lock;
        int shared;
        boolean exclusive;

        Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }
    }

    /** The lock file of the store at {@code db}: the same folder, the store's name and {@code .lock}. */
    static Path lockFileOf(Path db) {
        Path absolute = db.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".lock");
    }

    /**
     * Shared use of the store, as every open store holds it. Waits up to {@code wait} while another process restores
     * or re-encrypts the store, then refuses by name ({@code store.busy}).
     */
    static StoreLock shared(Path db, Duration wait) {
        Path file = lockFileOf(db);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (HELD) {
                Held held = HELD.get(file);
                if (held != null && !held.exclusive) {
                    held.shared++;
                    return new StoreLock(file);
                }
                if (held == null) {
                    Held taken = take(file, true);
                    if (taken != null) {
                        taken.shared = 1;
                        HELD.put(file, taken);
                        return new StoreLock(file);
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                throw new BadInputException(db.toString(), "store.busy", db.toString(), wait.toSeconds());
            }
            sleep();
        }
    }

    /** Sole use of the store: refused ({@code reasonKey}) at once while any Relais, this one included, has it open. */
    static StoreLock exclusive(Path db, String reasonKey) {
        Path file = lockFileOf(db);
        synchronized (HELD) {
            Held taken = HELD.containsKey(file) ? null : take(file, false);
            if (taken == null) {
                throw new BadInputException(db.toString(), reasonKey, db.toString());
            }
            taken.exclusive = true;
            HELD.put(file, taken);
            return new StoreLock(file);
        }
    }

    /** The lock of this process on {@code file}, or null when another process holds a conflicting one. */
    private static Held take(Path file, boolean shared) {
        FileChannel channel = null;
        try {
            if (!Files.exists(file)) {
                createOwnerOnly(file);
            }
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, shared);
            if (lock == null) {
                channel.close();
                return null;
            }
            return new Held(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process made it first: the same file
        }
    }

    @Override
    public void close() {
        synchronized (HELD) {
            if (released) {
                return;
            }
            released = true;
            Held held = HELD.get(lockFile);
            if (held == null) {
                return;
            }
            if (held.exclusive || --held.shared == 0) {
                HELD.remove(lockFile);
                try {
                    held.lock.release();
                } catch (IOException ignored) {
                    // closing the channel releases it too
                }
                closeQuietly(held.channel);
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held through it any more
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the store", e);
        }
    }
}
