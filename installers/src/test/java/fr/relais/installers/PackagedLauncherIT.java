package fr.relais.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jpackage app-image as a user gets it: its own trimmed runtime, its native launcher. It prints its version, and
 * runs headless commands on a temporary database in French (the locale data made it into the runtime).
 */
class PackagedLauncherIT {
    static final Path IMAGE = Path.of(System.getProperty("relais.image", "target/packages/relais"));

    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(IMAGE.resolve("bin/relais").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The package must not need a JDK on the machine: nothing Java on the PATH or in JAVA_HOME.
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("LANG", "fr_FR.UTF-8");
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void theImageCarriesItsOwnTrimmedRuntime() throws IOException {
        assertThat(IMAGE.resolve("lib/runtime/release")).exists();
        String modules = Files.readString(IMAGE.resolve("lib/runtime/release"));
        assertThat(modules).contains("jdk.localedata", "java.sql").doesNotContain("jdk.compiler", "java.rmi");
    }

    @Test
    void itPrintsItsVersionAndRunsHeadlessCommandsOnATemporaryDatabase() throws Exception {
        Run version = run("--version");
        assertThat(version.code()).as(version.out()).isZero();
        assertThat(version.out()).contains(System.getProperty("relais.version", "0.1.0"));

        String db = dir.resolve("relais.db").toString();
        Run demo = run("--db", db, "demo", "--patients", "5");
        assertThat(demo.code()).as(demo.out()).isZero();
        Run list = run("--db", db, "--format", "json", "patient", "list");
        assertThat(list.code()).as(list.out()).isZero();
        assertThat(list.out().trim()).startsWith("[").contains("\"identityStatus\"");
        Run bad = run("ins", "check", "123");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.out()).contains("matricule INS doit compter 15 caractères");
    }
}
