package fr.relais.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The .deb as dpkg sees it: its control file (name, version, GTK dependency), its files, its menu entry. */
class DebPackageIT {
    static final Path PACKAGES = Path.of(System.getProperty("relais.packages", "target/packages"));

    private static String dpkg(String option, Path deb) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("dpkg-deb", option, deb.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theDebDeclaresGtkInstallsTheLauncherAndAMenuEntry() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(PACKAGES)) {
            deb = files.filter(f -> f.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        String control = dpkg("-I", deb);
        assertThat(control).contains("Package: relais", "Version: 0.1.0").containsPattern("Depends:.*libgtk-3-0");
        String contents = dpkg("-c", deb);
        assertThat(contents).contains("./opt/relais/bin/relais", "./opt/relais/lib/runtime/", "./opt/relais/lib/app/relais-app-",
                "relais-relais.desktop");
    }
}
