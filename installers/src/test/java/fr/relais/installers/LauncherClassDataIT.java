package fr.relais.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line launcher ({@code app/target/relais/bin/relais}) and its class-data archive (ADR 0010): the build
 * leaves the archive next to the jars, the launcher's JVM loads Relais' classes from it, and a copy of the folder
 * elsewhere (where the archive no longer matches) still runs, silently, with clean JSON on standard output.
 */
class LauncherClassDataIT {
    static final Path HOME = Path.of(System.getProperty("relais.launcher.home", "../app/target/relais"));

    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    private static Run run(Path home, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/relais").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("RELAIS_JAVA_OPTS");
        builder.environment().putAll(env);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theLauncherLoadsRelaisFromTheArchiveTheBuildMade() throws Exception {
        assertThat(HOME.resolve("lib/relais.jsa")).isRegularFile();
        Run version = run(HOME, Map.of("RELAIS_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out()).containsPattern("fr\\.relais\\.app\\.Launcher source: shared objects file");
    }

    /**
     * The benchmark harness times a cold start through this launcher with its own class appended
     * ({@code RELAIS_EXTRA_CLASSPATH}, ADR 0014): the archive must still apply, or the figure would be a start without it.
     */
    @Test
    void aClassPathAppendedForTheBenchmarksKeepsTheArchive() throws Exception {
        Run version = run(HOME, Map.of("RELAIS_JAVA_OPTS", "-Xlog:class+load=info", "RELAIS_EXTRA_CLASSPATH", dir.toString()),
                "--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out()).containsPattern("fr\\.relais\\.app\\.Launcher source: shared objects file");
    }

    /** What nurses install holds no benchmark and no JMH: the benchmarks are a module of their own (ADR 0014). */
    @Test
    void theLauncherShipsNoBenchmark() throws Exception {
        List<String> names = new ArrayList<>();
        try (var jars = Files.list(HOME.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                names.add(jar.getFileName().toString());
                if (jar.getFileName().toString().startsWith("relais-")) {
                    try (var zip = new java.util.zip.ZipFile(jar.toFile())) {
                        zip.stream().map(java.util.zip.ZipEntry::getName).forEach(names::add);
                    }
                }
            }
        }
        assertThat(names).anyMatch(n -> n.startsWith("fr/relais/app/"))
                // Classes and jars, not folders: an empty folder incremental compilation leaves behind ships nothing.
                .noneMatch(n -> (n.startsWith("fr/relais/app/bench/") || n.startsWith("fr/relais/benchmarks/")) && !n.endsWith("/")
                        || n.contains("Benchmark") || n.startsWith("jmh-") || n.startsWith("relais-benchmarks"));
    }

    @Test
    void aMovedCopyStartsWithoutTheArchiveAndPrintsCleanJson() throws Exception {
        Path copy = dir.resolve("elsewhere");
        copyTree(HOME, copy);
        String db = dir.resolve("relais.db").toString();
        Run demo = run(copy, Map.of(), "--db", db, "demo", "--patients", "3");
        assertThat(demo.code()).as(demo.out()).isZero();
        Run list = run(copy, Map.of(), "--db", db, "--format", "json", "patient", "list");
        assertThat(list.code()).as(list.out()).isZero();
        assertThat(list.out()).startsWith("[").doesNotContain("[warning]", "cds");

        Run classes = run(copy, Map.of("RELAIS_JAVA_OPTS", "-Xlog:class+load=info"), "--version");
        assertThat(classes.out()).contains("fr.relais.app.Launcher source: file:")
                .doesNotContainPattern("fr\\.relais\\.app\\.Launcher source: shared objects file");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
