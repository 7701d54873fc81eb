package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The 25 demo patients (seed 11) the patient view-model tests start from, generated once per JVM at {@link #CLOCK} and
 * copied per test: generating them took most of each test's time. A copy is the closed store and the audit anchor
 * beside it, so it opens as the generated store would have.
 */
final class DemoStore {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    private static Path generated;

    private DemoStore() {
    }

    /** A copy of the demo store in {@code dir}; returns the store's file. */
    static Path copyTo(Path dir) {
        try (var files = Files.list(folder())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            return dir.resolve("relais.db");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the demo store to " + dir, e);
        }
    }

    private static synchronized Path folder() throws IOException {
        if (generated == null) {
            Path dir = Files.createTempDirectory("relais-demo");
            try (RelaisCore core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), CLOCK, new UserSession(new Actor("idec", "IDEC", "poste")))) {
                core.demo().generate(25, 11, n -> { });
            }
            // Deleted at exit in the reverse order of these calls: the folder last.
            dir.toFile().deleteOnExit();
            try (var left = Files.list(dir)) {
                left.forEach(f -> f.toFile().deleteOnExit());
            }
            generated = dir;
        }
        return generated;
    }
}
