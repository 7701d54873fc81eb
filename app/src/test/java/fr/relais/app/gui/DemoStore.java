package fr.relais.app.gui;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.TestServices;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Demo stores generated once per JVM and copied per test or per class: generating the patients took most of a test's
 * set-up (issue 24). A copy is the closed store and the audit anchor beside it, so it opens as the generated store would
 * have.
 *
 * <p>Two kinds: the 25 patients (seed 11) the patient view-model tests start from, generated at the fixed
 * {@link #CLOCK} ({@link #copyTo(Path)}); and the desktop tests' stores ({@link #copyTo(Path, int, long)}), one per size
 * and seed, generated on {@link #RUNNING}, the one running clock every desktop test opens its copy with, so that what a
 * window does after the generation always comes later than what the generation wrote.
 */
final class DemoStore {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    /**
     * The desktop tests' clock: starts on {@link TestServices#NOW}'s morning when the JVM first uses it and runs on
     * (never the wall clock), for the generation of their demo stores and for every window opened on a copy.
     */
    static final Clock RUNNING = TestServices.runningClock();
    /** Who the demo data were entered by, as the desktop tours have always shown it (the access history). */
    private static final UserSession GENERATOR = new UserSession(new Actor("idec", "Claire IDEC", "PC-CPTS-01"));
    private static final Map<List<Long>, Path> GENERATED = new HashMap<>();

    private DemoStore() {
    }

    /** A copy of the view-model tests' demo store (25 patients, seed 11, at {@link #CLOCK}) in {@code dir}; returns the store's file. */
    static Path copyTo(Path dir) {
        return copy(folder(25, 11, CLOCK, new UserSession(new Actor("idec", "IDEC", "poste"))), dir);
    }

    /**
     * A copy in {@code dir} of the demo store of {@code patients} patients drawn from {@code seed} on {@link #RUNNING};
     * returns the store's file, to be opened on {@link #RUNNING}.
     */
    static Path copyTo(Path dir, int patients, long seed) {
        return copy(folder(patients, seed, RUNNING, GENERATOR), dir);
    }

    private static Path copy(Path generated, Path dir) {
        try (var files = Files.list(generated)) {
            Files.createDirectories(dir);
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
            return dir.resolve("relais.db");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the demo store to " + dir, e);
        }
    }

    private static synchronized Path folder(int patients, long seed, Clock clock, UserSession session) {
        // The fixed clock's store and the running clock's differ even for the same size and seed.
        List<Long> key = List.of((long) patients, seed, clock == CLOCK ? 0L : 1L);
        Path generated = GENERATED.get(key);
        if (generated == null) {
            try {
                Path dir = Files.createTempDirectory("relais-demo");
                try (RelaisCore core = RelaisCore.open(StoreTemplate.copyTo(dir.resolve("relais.db")), clock, session)) {
                    core.demo().generate(patients, seed, n -> { });
                }
                // Deleted at exit in the reverse order of these calls: the folder last.
                dir.toFile().deleteOnExit();
                try (var left = Files.list(dir)) {
                    left.forEach(f -> f.toFile().deleteOnExit());
                }
                generated = dir;
                GENERATED.put(key, generated);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot generate the demo store", e);
            }
        }
        return generated;
    }
}
