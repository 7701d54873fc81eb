package fr.relais.teamserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real OpenID Connect provider with CIBA for the tests: Keycloak's distribution (unpacked from Maven Central by the
 * build into target/, see the POM), started on a given local port with the realm {@code esante-wallet} of
 * {@code keycloak/esante-wallet-realm.json}, configured like Pro Santé Connect's sandbox (client with the CIBA grant in
 * poll mode, {@code acr} eidas1, the {@code SubjectNameID} and {@code SubjectRefPro} claims). Its CIBA authentication
 * channel is {@code channel}: the tests' {@link ECpsApp}.
 * It runs in production mode ({@code start}: plain HTTP on 127.0.0.1, an in-memory database), which rebuilds Quarkus's
 * application only when its build options differ from the last build's (the first start after unpacking; development
 * mode, {@code start-dev}, left a build of its own to undo). Its JVMs are short-lived and serve a few dozen requests:
 * the client compiler and the serial collector, as the project's other short-lived JVMs (docs/benchmarks.md, "Tenth
 * pass: the team server's tests").
 * Keycloak needs Java 21 or later: {@code -Drelais.keycloak.java} or {@code RELAIS_KEYCLOAK_JAVA} (a Java home), else
 * JAVA_HOME or the first Java 21+ under /usr/lib/jvm.
 */
final class TestKeycloak implements AutoCloseable {
    static final String REALM = "esante-wallet";
    static final String CLIENT_ID = "relais-team-server";
    static final String CLIENT_SECRET = "relais-psc-test-secret";
    /** Counted from its start beside PostgreSQL and the server, which compete with it for the CPU at first. */
    private static final Duration START_LIMIT = Duration.ofMinutes(15);
    /** kc.sh's own defaults (heap, metaspace, encodings) with the client compiler and the serial collector for G1. */
    private static final String JVM_OPTIONS = "-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m -Dfile.encoding=UTF-8"
            + " -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8"
            + " -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final Process process;
    private final URI issuer;
    private final Duration startedIn;

    private TestKeycloak(Process process, URI issuer, Duration startedIn) {
        this.process = process;
        this.issuer = issuer;
        this.startedIn = startedIn;
    }

    /** Starts Keycloak on {@code port} of 127.0.0.1 (see {@link #freePort()}) and waits until its realm answers. */
    static TestKeycloak start(URI channel, int port) {
        Path home = Path.of(System.getProperty("relais.keycloak.home", "target/keycloak/keycloak"));
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": the build unpacks it in pre-integration-test (run verify)");
        }
        Path java = javaHome();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            try (InputStream realm = TestKeycloak.class.getResourceAsStream("/keycloak/esante-wallet-realm.json")) {
                Files.copy(realm, imports.resolve("esante-wallet-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            // kc.sh is run through sh, as unpacking may not keep its executable bit.
            List<String> command = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), "start", "--db=dev-mem",
                    "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1", "--http-port=" + port,
                    "--http-management-port=" + freePort(), "--import-realm", "--cache=local"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolveSibling("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("JAVA_OPTS", JVM_OPTIONS);
            builder.environment().put("KC_SPI_CIBA_AUTH_CHANNEL_CIBA_HTTP_AUTH_CHANNEL_HTTP_AUTHENTICATION_CHANNEL_URI", channel.toString());
            long started = System.nanoTime();
            Process process = builder.start();
            // Never left behind by the test JVM, even when it ends while Keycloak starts.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process), "keycloak-stop"));
            URI issuer = issuerAt(port);
            TestKeycloak keycloak = new TestKeycloak(process, issuer, null);
            keycloak.awaitReady(home.resolveSibling("keycloak.log"));
            return new TestKeycloak(process, issuer, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not start: " + e.getMessage(), e);
        }
    }

    /** The realm's issuer of a Keycloak on {@code port}, known before it starts. */
    static URI issuerAt(int port) {
        return URI.create("http://127.0.0.1:" + port + "/realms/" + REALM);
    }

    /** The discovery document of a Keycloak on {@code port} ({@code openid-configuration}; PSC's is named
     * {@code wallet-openid-configuration}). */
    static URI discoveryAt(int port) {
        return URI.create(issuerAt(port) + "/.well-known/openid-configuration");
    }

    URI issuer() {
        return issuer;
    }

    URI discovery() {
        return URI.create(issuer + "/.well-known/openid-configuration");
    }

    Duration startedIn() {
        return startedIn;
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting, see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(discovery()).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while Keycloak started", e);
            }
            sleep(Duration.ofSeconds(2));
        }
        close();
        throw new IllegalStateException("Keycloak did not answer within " + START_LIMIT.toMinutes() + " minutes, see " + log);
    }

    private static Path javaHome() {
        String configured = Optional.ofNullable(System.getProperty("relais.keycloak.java")).orElse(System.getenv("RELAIS_KEYCLOAK_JAVA"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.sorted().forEach(candidates::add);
        } catch (IOException e) {
            // no such folder: only JAVA_HOME
        }
        return candidates.stream().filter(TestKeycloak::isJava21OrLater).findFirst().orElseThrow(() -> new IllegalStateException(
                "Keycloak needs Java 21 or later: set RELAIS_KEYCLOAK_JAVA (or -Drelais.keycloak.java) to its home"));
    }

    private static boolean isJava21OrLater(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
            return false;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]) >= 21;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /** A port free now on 127.0.0.1 (Keycloak binds it when it starts). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free local port", e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(process);
    }

    private static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
