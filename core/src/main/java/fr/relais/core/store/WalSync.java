package fr.relais.core.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Puts the store's write-ahead log on the disk for the transactions that committed without it (ADR 0029): one
 * {@code fdatasync} at a time, and each serves every caller that asked before it began. A caller takes a
 * {@link #ticket()} once what it must keep is in the log (its commit returned, or its read saw it), then
 * {@link #awaitDurable awaits} a sync that began after that ticket: the one it runs itself, or one another thread began
 * meanwhile. Linux flushes a file's written pages whatever descriptor asks, so syncing {@code NAME-wal} from here
 * covers what SQLite wrote through its own.
 */
final class WalSync {
    private final Path wal;
    private final ReentrantLock syncing = new ReentrantLock();
    /** The number of the last sync begun, and of the last one ended; a sync is numbered when it begins. */
    private volatile long begun;
    private volatile long ended;
    /** The log file the last sync found (its identity): a new file is also made to last in its folder. */
    private Object lastFile;

    WalSync(Path databaseFile) {
        this.wal = databaseFile.resolveSibling(databaseFile.getFileName() + "-wal");
    }

    /** What is in the log now is on the disk once a sync numbered above this ticket has ended. */
    long ticket() {
        return begun;
    }

    /** Returns once a sync that began after {@code ticket} has ended: run here, unless another thread ran one meanwhile. */
    void awaitDurable(long ticket) {
        if (ended > ticket) {
            return;
        }
        syncing.lock();
        try {
            if (ended > ticket) {
                return; // a sync that began after the ticket ended while this thread waited for the lock
            }
            long number = begun + 1;
            begun = number;
            sync();
            ended = number;
        } finally {
            syncing.unlock();
        }
    }

    /** The number of syncs run so far (tests: a commit made durable later was synced, a durable one was not synced twice). */
    long syncs() {
        return ended;
    }

    private void sync() {
        // Opened for writing without CREATE: a log that is gone was checkpointed into the store, and synced there, by
        // the connection that closed last; a new empty one is not made here.
        try (FileChannel log = FileChannel.open(wal, StandardOpenOption.WRITE)) {
            log.force(false);
            Object file = java.nio.file.Files.readAttributes(wal, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
            if (file != null && !file.equals(lastFile)) {
                // A log created since the last sync: its name in the folder must last too (SQLite syncs the folder at a
                // new log's first sync, which it no longer makes itself for these commits). A system that gives files
                // no identity (Windows) cannot sync a folder either.
                syncFolder();
                lastFile = file;
            }
        } catch (NoSuchFileException gone) {
            lastFile = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the store's journal " + wal + " on the disk", e);
        }
    }

    private void syncFolder() throws IOException {
        try (FileChannel folder = FileChannel.open(wal.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Some systems refuse to sync a folder through a channel (not Linux): the log's own sync stands.
            if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
                return;
            }
            throw e;
        }
    }
}
