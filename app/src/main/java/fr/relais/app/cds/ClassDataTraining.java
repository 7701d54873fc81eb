package fr.relais.app.cds;

import fr.relais.app.cli.Cli;
import fr.relais.app.logging.LogSetup;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The training run behind the launcher's class-data-sharing archive (ADR 0010). The build runs it once under
 * {@code -XX:ArchiveClassesAtExit}: the JVM then archives every class this run loaded, and the launcher maps that
 * archive at each start instead of parsing and verifying the same classes again. The run does what a morning start
 * does (open the store with its migrations, read the worklist and the alerts, open a patient) on a small demo store in
 * a scratch folder, and loads the rest of the application's classes (the desktop included) without starting the
 * toolkit. picocli's classes stay out: they are Java 5 class files, which the JVM does not archive.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) throws IOException, URISyntaxException {
        Path scratch = Files.createTempDirectory("relais-cds-");
        LogSetup.configure(scratch);
        String db = scratch.resolve("training.db").toString();
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of();
        String[][] runs = {
            {"--db", db, "demo", "--patients", "30"},
            {"--db", db, "worklist"},
            {"--db", db, "--format", "json", "worklist"},
            {"--db", db, "alerts"},
            {"--db", db, "patient", "list"},
        };
        for (String[] run : runs) {
            int code = Cli.run(run, quiet, quiet, env, (services, language) -> { }, java.time.Clock.systemUTC());
            if (code != 0) {
                throw new IllegalStateException("training step failed (" + code + "): " + String.join(" ", run));
            }
        }
        loadApplicationClasses();
        try (var paths = Files.walk(scratch)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Loads (without initialising, so without a display) every class of this jar. */
    private static void loadApplicationClasses() throws IOException, URISyntaxException {
        Path jar = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(jar)) {
            return; // run from a classes folder (tests): nothing to archive
        }
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                String name = entry.getName();
                if (name.startsWith("fr/relais/app/") && name.endsWith(".class")) {
                    try {
                        Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class that cannot load here simply stays out of the archive
                    }
                }
            }
        }
    }
}
