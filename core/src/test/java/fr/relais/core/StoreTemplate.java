package fr.relais.core;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.library.BuiltInInstaller;
import fr.relais.core.library.BuiltInLibrary;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.TemplateRepository;
import fr.relais.core.questionnaire.QuestionnaireRepository;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * A store migrated by Flyway with the built-in pathways and questionnaires installed, made once per JVM and copied
 * (a file copy) wherever a test wants a fresh store: running every migration and installing the library for each test
 * cost most of the suite's store set-up. Use {@code RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), ...)}.
 *
 * <p>The copy is what {@link RelaisCore#open} would have made, minus what is per store and so left to the first open of
 * each copy: its store id (two laptops that sync must differ) and the start of its audit chain (with the anchor file
 * beside it). The built-ins carry {@link TestServices#NOW} as their import time. Each copy gets an audit key of its own,
 * as every real store has (migration 33 draws it): the key names the store's audit anchor on the team server, and test
 * stores sharing one would overwrite each other's anchor on the shared test server.
 */
public final class StoreTemplate {
    private static final Clock CLOCK = Clock.fixed(TestServices.NOW, ZoneOffset.UTC);
    private static Path template;

    private StoreTemplate() {
    }

    /**
     * Copies the template to {@code file} unless a store is already there (a test reopening its own store), creating
     * the folder if needed; returns {@code file}.
     */
    public static Path copyTo(Path file) {
        try {
            return Files.exists(file) ? file : copy(template(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the template store to " + file, e);
        }
    }

    /**
     * Copies {@code store}, a copy of the template never opened (in a JVM that did not make the template: a kill
     * worker), to a new {@code file} with its own audit key; returns {@code file}.
     */
    public static Path copy(Path store, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(store, file);
            newAuditKey(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the store " + store + " to " + file, e);
        }
    }

    /** The template holds no audit event (checked when it is made), so no hash depends on the key being replaced. */
    private static void newAuditKey(Path file) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE audit_key SET hmac_key = lower(hex(randomblob(32))) WHERE id = 1");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot give the copy " + file + " its own audit key", e);
        }
    }

    private static synchronized Path template() throws IOException {
        if (template == null) {
            Path dir = Files.createTempDirectory("relais-template");
            Path file = dir.resolve("template.db");
            try (Database database = Database.open(file, CLOCK)) {
                UserSession session = new UserSession(new Actor("template", null, null));
                AuditLog audit = new AuditLog(database, CLOCK, session);
                // As RelaisCore.open installs them, fingerprint included: a copy's first open then installs nothing.
                // installBuiltIns only reads the repository and the clock: the other collaborators are not needed.
                new BuiltInInstaller(database, new PathwayService(database, new TemplateRepository(database.dsl()), audit, CLOCK),
                        new QuestionnaireService(database, new QuestionnaireRepository(database.dsl()), null, null, null, audit,
                                session, CLOCK, null), BuiltInLibrary.shipped()).install();
                database.dsl().execute("DELETE FROM store_meta WHERE key = 'store.id'");
                if (database.dsl().fetchCount(database.dsl().selectFrom("audit_event")) > 0) {
                    throw new IllegalStateException("The template store holds audit events: each copy's new audit key would break their hashes");
                }
                database.dsl().execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            if (Files.exists(dir.resolve("template.db-wal"))) {
                throw new IllegalStateException("The template store kept a write-ahead log: a copy of the file alone would miss it");
            }
            // Deleted at exit in the reverse order of these calls: the folder last.
            dir.toFile().deleteOnExit();
            try (var left = Files.list(dir)) {
                left.forEach(f -> f.toFile().deleteOnExit());
            }
            template = file;
        }
        return template;
    }
}
