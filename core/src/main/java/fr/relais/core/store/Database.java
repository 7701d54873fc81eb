package fr.relais.core.store;

import com.zaxxer.hikari.HikariConfig;
import fr.relais.core.error.BadInputException;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.ThreadLocalTransactionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local pathway store: one SQLite file in WAL mode with foreign keys on, migrated by Flyway on open.
 *
 * <p>Transactions are thread-bound ({@link ThreadLocalTransactionProvider}): repositories keep the one
 * {@link DSLContext} and join whatever transaction their caller opened with {@link #inTransaction}. Write
 * transactions start with BEGIN IMMEDIATE so two writers never deadlock on a lock upgrade.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final DateTimeFormatter BACKUP_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** How long opening waits while another Relais restores or re-encrypts the store before it says so. */
    static final java.time.Duration WAIT_FOR_EXCLUSIVE_USE = java.time.Duration.ofSeconds(30);

    private final Path file;
    private final HikariDataSource dataSource;
    private final StoreKey key;
    private final StoreLock lock;
    private final DSLContext dsl;

    private Database(Path file, HikariDataSource dataSource, StoreKey key, StoreLock lock) {
        this.file = file;
        this.dataSource = dataSource;
        this.key = key;
        this.lock = lock;
        this.connections = new SyncLaterConnections(new DataSourceConnectionProvider(dataSource), dataSource::evictConnection);
        this.walSync = new WalSync(file);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(SQLDialect.SQLITE)
                // No schema or catalog to name in SQLite; jOOQ's own DEBUG log of every statement and its JDBC warnings
                // fetch after each one are work per statement nobody reads (the ADT listener runs about a dozen a message).
                .set(new org.jooq.conf.Settings().withRenderCatalog(false).withRenderSchema(false).withExecuteLogging(false)
                        .withFetchWarnings(false))
                .set(new ThreadLocalTransactionProvider(connections))
                .set(org.jooq.impl.DefaultExecuteListenerProvider.providers(new org.jooq.ExecuteListener() {
                    @Override
                    public void executeStart(org.jooq.ExecuteContext ctx) {
                        statements.increment();
                        checkThread(ctx.sql());
                    }

                    @Override
                    public void exception(org.jooq.ExecuteContext ctx) {
                        forgetRemembered(); // a failed statement may have undone more than itself (SQLite on a full disk)
                        // a damaged page met by any read or write, or a write lock held too long by another Relais
                        StoreFailures.explain(file, ctx.exception()).ifPresent(ctx::exception);
                    }
                })));
        // The kept statements' JDBC runs (KeptStatements), with the same guarantees as the listener above gives jOOQ's.
        this.held = new HeldStatements(dsl.configuration().connectionProvider(), () -> afterCommit.get() != null, sql -> {
            statements.increment();
            checkThread(sql);
        }, failure -> {
            forgetRemembered();
            return StoreFailures.translated(file, failure);
        });
        dsl.configuration().data(HeldStatements.KEY, held);
    }

    private final HeldStatements held;
    /** The pool as transactions take it: FULL sync on commit, except for {@link #inTransactionSyncedLater}. */
    private final SyncLaterConnections connections;
    private final WalSync walSync;
    /** Set once a transaction committed without its sync: from then on, what a reader saw may not be on the disk yet. */
    private volatile boolean syncedLaterCommits;

    private final java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();
    private volatile java.util.function.Predicate<Thread> forbiddenThread = t -> false;
    private volatile boolean strictThreads;

    /** How many SQL statements jOOQ has executed on this store since it was opened (the ADT benchmark's count a message). */
    public long statementsExecuted() {
        return statements.sum();
    }

    /**
     * Makes every SQL statement check the thread it runs on: the desktop forbids its UI thread, so that a database
     * call that would freeze the window is found. Strict (tests): the statement fails; otherwise it is logged.
     */
    public void forbidThread(java.util.function.Predicate<Thread> forbidden, boolean strict) {
        this.forbiddenThread = forbidden;
        this.strictThreads = strict;
    }

    private void checkThread(String sql) {
        Thread current = Thread.currentThread();
        if (forbiddenThread.test(current)) {
            String problem = "Database call on thread " + current.getName() + ": " + sql;
            if (strictThreads) {
                throw new IllegalStateException(problem);
            }
            org.slf4j.LoggerFactory.getLogger(Database.class).error(problem, new Throwable("called from"));
        }
    }

    /**
     * Opens (creating if needed) the plain store at {@code file}. A store written by a newer Relais is refused; an older
     * one is first copied beside itself, then migrated.
     */
    public static Database open(Path file, Clock clock) {
        return open(file, clock, StoreKey.NONE);
    }

    /**
     * Opens (creating if needed) the store at {@code file} with its passphrase ({@link StoreKey#NONE} for a plain
     * store; a new store given a key is created encrypted). A missing or wrong passphrase is refused by its own
     * message before anything is read.
     */
    public static Database open(Path file, Clock clock, StoreKey key) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder of " + absolute, e);
        }
        // Held for as long as the store is open: a restore or a key change waits for every Relais to close it.
        StoreLock lock = StoreLock.shared(absolute, WAIT_FOR_EXCLUSIVE_USE);
        try {
            // Under the shared lock no key change runs anywhere: what one left behind when killed can go.
            StoreRewrite.recover(absolute);
            return open(absolute, clock, key, lock, true);
        } catch (RuntimeException e) {
            lock.close();
            throw StoreFailures.translated(absolute, e);
        }
    }

    /**
     * Opens a copy that the caller alone holds (a backup being checked before a restore): no lock file, and no copy
     * before migrating it (the backup it was made from is that copy).
     */
    static Database openPrivateCopy(Path file, Clock clock, StoreKey key) {
        return open(file.toAbsolutePath(), clock, key, null, false);
    }

    private static Database open(Path absolute, Clock clock, StoreKey key, StoreLock lock, boolean backupBeforeMigrating) {
        StoreConnector.checkKey(absolute, key);
        HikariDataSource pool = pool(absolute, key);
        try {
            migrate(absolute, pool, clock, backupBeforeMigrating);
            Database database = new Database(absolute, pool, key, lock);
            database.initialiseMeta();
            database.optimize();
            return database;
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static HikariDataSource pool(Path file, StoreKey key) {
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(StoreConnector.dataSource(file, key));
        hikari.setPoolName("relais-store");
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        hikari.setAutoCommit(true);
        return new HikariDataSource(hikari);
    }

    private static void migrate(Path file, DataSource dataSource, Clock clock, boolean backupBeforeMigrating) {
        Optional<java.util.List<SchemaHistory.Row>> history = SchemaHistory.read(dataSource);
        if (SchemaHistory.isValidated(history)) {
            // the very history the build's Flyway wrote for these scripts (ADR 0028) or Flyway validated in this JVM (ADR
            // 0026): at this version, every checksum matching
            return;
        }
        if (isAtThisVersion(dataSource)) {
            // Remembered only if nothing changed the history while Flyway read it (another Relais migrating it).
            if (history.isPresent() && history.equals(SchemaHistory.read(dataSource))) {
                SchemaHistory.validatedByFlyway(history.get());
            }
            return;
        }
        Flyway flyway = flyway(dataSource).load();
        MigrationInfoService info = flyway.info();
        Optional<MigrationInfo> future = Arrays.stream(info.applied())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .reduce((first, second) -> second);
        if (future.isPresent()) {
            MigrationInfo[] known = info.all();
            String knownVersion = Arrays.stream(known).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                            && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                    .reduce((a, b) -> b).map(m -> m.getVersion().getVersion()).orElse("?");
            throw new StoreTooNewException(file, future.get().getVersion().getVersion(), knownVersion);
        }
        MigrationInfo current = info.current();
        if (Arrays.stream(info.applied()).anyMatch(m -> m.getState() == MigrationState.FAILED)) {
            // A migration that stopped half-way (written by a Relais that crashed or failed while migrating): Flyway
            // would refuse with "run repair"; the user is told what happened and what to do.
            throw new BadInputException(file.toString(), "store.migrationFailed", file.toString());
        }
        if (backupBeforeMigrating && current != null && info.pending().length > 0) {
            backupBeforeMigration(file, dataSource, current.getVersion().getVersion(), clock);
        }
        org.flywaydb.core.api.output.MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (org.flywaydb.core.api.exception.FlywayValidateException e) {
            // an applied migration that differs from this version's (edited, or failed): refused by name, unchanged
            throw new BadInputException(file.toString(), "store.migrationFailed", file.toString());
        }
        if (result.migrationsExecuted > 0) {
            LOG.info("Store migrated to schema version {} ({} migrations)", result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    /**
     * The usual open, a store this version already migrated, in one Flyway pass (each pass scans the migrations and
     * checksums them: most of an open's CPU, paid by every command line and test). Strict: no ignore pattern, so
     * anything pending, applied by a newer Relais, failed, missing or with a checksum other than the bundled script's
     * fails it, and the full path below then refuses, backs up or migrates as it always did. Paid only by a store whose
     * history is not the build's own (ADR 0028), and once a JVM: the history it validates is remembered
     * ({@link SchemaHistory}) and a store with the same history skips Flyway altogether.
     */
    private static boolean isAtThisVersion(DataSource dataSource) {
        try {
            return flyway(dataSource).ignoreMigrationPatterns(new String[0]).load().validateWithResult().validationSuccessful;
        } catch (FlywayException e) {
            return false; // the full path meets the same fault and reports it as before
        }
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        // The class loader that holds this version's scripts, not the thread's: SchemaHistory's memory is per that loader.
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .cleanDisabled(true);
    }

    /** A consistent copy taken with VACUUM INTO, so a failed or regretted migration can be undone by hand. */
    private static void backupBeforeMigration(Path file, DataSource dataSource, String version, Clock clock) {
        Path backup = file.resolveSibling(file.getFileName() + ".v" + version + "-" + BACKUP_STAMP.format(clock.instant()) + ".bak");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + backup.toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot back up " + file + " before migrating it; nothing was changed", e);
        }
        LOG.info("Backed up the store before migration to {}", backup);
    }

    private void initialiseMeta() {
        inTransaction(() -> {
            StoreMeta meta = new StoreMeta(dsl);
            if (meta.get(StoreMeta.STORE_ID).isEmpty()) {
                meta.put(StoreMeta.STORE_ID, UUID.randomUUID().toString());
            }
            if (meta.get(StoreMeta.KIND).isEmpty()) {
                meta.setKind(StoreKind.PRODUCTION);
            }
            return null;
        });
    }

    /**
     * Refreshes the query planner's statistics where they are stale (SQLite's recommended call on open and after bulk
     * writes): without them the worklist may pick the sort index over a far more selective patient index.
     */
    public void optimize() {
        dsl.execute("PRAGMA optimize=0x10002");
    }

    public Path file() {
        return file;
    }

    /** Whether the file is encrypted at rest (opened with a passphrase). */
    public boolean encrypted() {
        return key.isSet();
    }

    /** The key this store was opened with: backups are checked with it. */
    StoreKey key() {
        return key;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public StoreMeta meta() {
        return new StoreMeta(dsl);
    }

    /** Per thread: the work to run once the outermost transaction commits, by key (null outside any transaction). */
    private final ThreadLocal<java.util.Map<Object, Runnable>> afterCommit = new ThreadLocal<>();
    /** Per thread: what the outermost transaction remembers of what it wrote ({@link #remember}), by key. */
    private final ThreadLocal<java.util.Map<Object, Object>> remembered = new ThreadLocal<>();

    /** Runs {@code work} in one transaction: all of it commits, or none of it does. Nested calls join it. */
    public <T> T inTransaction(Supplier<T> work) {
        if (afterCommit.get() != null) {
            try {
                return dsl.transactionResult(work::get);
            } catch (RuntimeException | Error e) {
                forgetRemembered(); // its savepoint rolled back: what it wrote, and what was remembered of it, is gone
                throw e;
            }
        }
        return outermost(work, false).awaitDurable();
    }

    /**
     * Runs {@code work} in one transaction committed without waiting for the disk (ADR 0029): what it wrote is in the
     * store for every reader at once, and on the disk only once {@link Committed#awaitDurable} returns. The caller says
     * "stored" to nobody before that. A kill loses nothing either way (the system holds what was written); a power cut
     * may lose what was not yet awaited. For a writer that commits under a lock of its own and would otherwise hold it
     * through the sync: the hospital listener's group commit. Not inside another transaction (its sync is decided by
     * the outermost one).
     */
    public <T> Committed<T> inTransactionSyncedLater(Supplier<T> work) {
        if (afterCommit.get() != null) {
            throw new IllegalStateException("A transaction synced later cannot join the transaction already open on this thread");
        }
        syncedLaterCommits = true; // before the commit: a reader that sees it then makes it durable before relying on it
        connections.syncLater(true);
        try {
            return outermost(work, true);
        } finally {
            connections.syncLater(false);
        }
    }

    /**
     * Everything this thread has read from the store is on the disk once this returns: at once while no transaction has
     * ever committed without its sync here; otherwise after a sync of the log that began now. For what is written
     * outside the store from what it read, and must never be ahead of it after a power cut (the audit anchor).
     */
    public void makeDurable() {
        if (syncedLaterCommits) {
            walSync.awaitDurable(walSync.ticket());
        }
    }

    /**
     * A committed transaction's result, durable once {@link #awaitDurable} has returned: that call runs the
     * {@link #afterCommit} hooks, then waits for the log's sync (unless the transaction committed with it).
     */
    public final class Committed<T> {
        private final T result;
        private final java.util.Collection<Runnable> hooks;
        private final long ticket;

        private Committed(T result, java.util.Collection<Runnable> hooks, long ticket) {
            this.result = result;
            this.hooks = hooks;
            this.ticket = ticket;
        }

        /** The result, once the transaction is on the disk and its after-commit work done; a second call returns it at once. */
        public T awaitDurable() {
            hooks.forEach(Runnable::run);
            hooks.clear();
            if (ticket >= 0) {
                walSync.awaitDurable(ticket);
            }
            return result;
        }
    }

    /** The outermost transaction on this thread, committed; its hooks not run yet ({@link Committed#awaitDurable} runs them). */
    private <T> Committed<T> outermost(Supplier<T> work, boolean syncLater) {
        java.util.Map<Object, Runnable> hooks = new java.util.LinkedHashMap<>();
        afterCommit.set(hooks);
        remembered.set(new java.util.HashMap<>());
        T result;
        try {
            result = dsl.transactionResult(c -> {
                try {
                    return work.get();
                } finally {
                    held.closeAll(); // the statements held for this transaction, closed before it commits or rolls back
                }
            });
        } catch (RuntimeException e) {
            // BEGIN IMMEDIATE that waited the whole busy timeout fails before any statement ("Cannot set autoCommit")
            throw StoreFailures.translated(file, e);
        } finally {
            afterCommit.remove();
            remembered.remove();
        }
        // Taken after the commit returned: its log pages are written, and any sync begun from now on covers them.
        return new Committed<>(result, new java.util.ArrayList<>(hooks.values()), syncLater ? walSync.ticket() : -1);
    }

    /**
     * The syncs of the log run so far for transactions synced later ({@link #inTransactionSyncedLater}): one serves every
     * group committed before it began (the ADT benchmark prints them a commit; tests see a receipt waited for one).
     */
    public long walSyncs() {
        return walSync.syncs();
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /**
     * Runs {@code hook} once the current transaction has committed (at once when there is none; not at all when it rolls
     * back); registered several times under one {@code key} in a transaction, it runs once. For what lives outside the
     * store but must follow what it commits (the audit anchor).
     */
    public void afterCommit(Object key, Runnable hook) {
        java.util.Map<Object, Runnable> hooks = afterCommit.get();
        if (hooks == null) {
            hook.run();
        } else {
            hooks.putIfAbsent(key, hook);
        }
    }

    /**
     * Keeps {@code value} under {@code key} for the rest of the current transaction, for a writer that would otherwise
     * read back what it has just written (the audit trail's last hash). Nothing is kept outside a transaction; all is
     * forgotten when the transaction ends, when a nested part of it rolls back to its savepoint, and when any statement
     * fails, so that a value read from here is always one the transaction still holds. Transactions begin IMMEDIATE: no
     * other connection writes between.
     */
    public void remember(Object key, Object value) {
        java.util.Map<Object, Object> values = remembered.get();
        if (values != null) {
            values.put(key, value);
        }
    }

    /** What {@link #remember} kept under {@code key} in the current transaction, if it still holds. */
    public Optional<Object> remembered(Object key) {
        java.util.Map<Object, Object> values = remembered.get();
        return values == null ? Optional.empty() : Optional.ofNullable(values.get(key));
    }

    private void forgetRemembered() {
        java.util.Map<Object, Object> values = remembered.get();
        if (values != null) {
            values.clear();
        }
    }

    @Override
    public void close() {
        try {
            dataSource.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
