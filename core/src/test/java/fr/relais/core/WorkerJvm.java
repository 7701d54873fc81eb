package fr.relais.core;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of a worker JVM that a test starts and kills: this JVM's Java, class path and SQLite library. */
public final class WorkerJvm {
    private WorkerJvm() {
    }

    /**
     * {@code java OPTIONS -cp (this class path) MAIN ARGS}, given the SQLite library this JVM already put in place: a
     * worker killed with SIGKILL could not remove a copy of its own, and copying it is start-up time each kill pays.
     */
    public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        for (String library : List.of("org.sqlite.lib.path", "org.sqlite.lib.name")) {
            if (System.getProperty(library) != null) {
                command.add("-D" + library + "=" + System.getProperty(library));
            }
        }
        // The worker's SteadyClock goes on from this JVM's: its records are not dated before the ones made here.
        command.add("-D" + SteadyClock.CONTINUE_FROM + "=" + SteadyClock.now());
        command.addAll(List.of("-cp", classPath(), main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * The compiler of a worker that lives seconds: the client compiler only, and only for methods called 1,000 times or
     * looping 300,000 times (five times the JVM's tier-3 thresholds). At the JVM's own thresholds a worker made about
     * 3,600 compilations before its kill, five times later about 2,300, for about 5 % less CPU a worker; ten times later
     * cost as much as the JVM's own (docs/benchmarks.md, "Twelfth pass: a worker's compiler").
     */
    private static final List<String> COMPILER = List.of("-XX:TieredStopAtLevel=1", "-XX:Tier3InvocationThreshold=1000",
            "-XX:Tier3MinInvocationThreshold=500", "-XX:Tier3CompileThreshold=10000", "-XX:Tier3BackEdgeThreshold=300000");

    /**
     * Options for a short-lived worker: the client compiler, later than the JVM's default ({@code COMPILER}; a
     * worker lives seconds), the serial collector (no collector threads to start), and the class-data archive
     * {@code archive}: mapped if it exists, otherwise written when this worker ends normally (one worker that runs to
     * its end writes it for all that follow). The JVM writes no archive for a class path with a folder in it (tests run
     * from their module's classes, not from the reliability module's jars); then every worker simply starts without
     * one. JVM logging is off: a worker's standard output is its protocol.
     */
    public static List<String> shortLivedOptions(Path archive) {
        String classData = Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + archive;
        List<String> options = new ArrayList<>(COMPILER);
        options.addAll(List.of("-XX:+UseSerialGC", "-Xshare:auto", classData, "-Xlog:disable"));
        return List.copyOf(options);
    }

    /**
     * The class-data archive the kill suites' workers share in one run, named by the build as
     * {@code relais.worker.archive} (the reliability module: in its {@code target/}), if the build names one. The
     * reliability suite's first worker writes it ({@link #share}); the other suites' workers map it when it is there.
     */
    public static Optional<Path> sharedArchive() {
        String archive = System.getProperty("relais.worker.archive", "");
        return archive.isBlank() ? Optional.empty() : Optional.of(Path.of(archive));
    }

    /**
     * Options for a short-lived worker of a suite that writes no archive of its own: as {@link #shortLivedOptions(Path)}
     * with the {@linkplain #sharedArchive shared archive} mapped when it is there, and without one otherwise (a worker
     * started before the reliability suite's first worker wrote it, or a suite run outside the reliability module). A
     * worker of another kind than the one that wrote it finds most of its classes there (the store, jOOQ, Flyway, the
     * FHIR model): a cold store open costs about half the CPU (docs/benchmarks.md, "Suite time, eighth pass"). The JVM
     * checks the archive against the class path and the JDK and ignores one that does not match.
     */
    public static List<String> shortLivedOptions() {
        List<String> options = new ArrayList<>(COMPILER);
        options.addAll(List.of("-XX:+UseSerialGC", "-Xlog:disable"));
        sharedArchive().filter(Files::isRegularFile).ifPresent(archive -> {
            options.add("-Xshare:auto");
            options.add("-XX:SharedArchiveFile=" + archive);
        });
        return options;
    }

    /**
     * Makes {@code archive}, written by a first worker, the {@linkplain #sharedArchive shared archive} if the build
     * names one: copied beside it, then renamed over it in one step, so that a worker starting meanwhile maps the
     * previous run's archive (which the JVM ignores if the jars changed since) or this one, never half of one.
     */
    public static void share(Path archive) throws IOException {
        Optional<Path> shared = sharedArchive();
        if (shared.isEmpty() || !Files.isRegularFile(archive)) {
            return;
        }
        Path target = shared.get().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The worker's class path: the one the build gives as {@code relais.worker.classPath} (the reliability module: what
     * a worker runs, without the JPA test server's stack that only the suite's JVM needs), otherwise this JVM's; either
     * without the entries that are not there (the build lists its module's own class folders even when the module has
     * none, as the reliability module, which runs the kill suites from the test jars): left in, a missing folder would
     * not change what the worker loads, but it would keep the JVM from archiving its classes.
     */
    static String classPath() {
        String workers = System.getProperty("relais.worker.classPath", "");
        List<String> entries = new ArrayList<>();
        for (String entry : (workers.isBlank() ? System.getProperty("java.class.path") : workers).split(File.pathSeparator)) {
            if (!entry.isEmpty() && Files.exists(Path.of(entry))) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
