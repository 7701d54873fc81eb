package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.WorkerJvm;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SyncWorker} in its own JVM, as the kill suites start it (the client compiler only, this JVM's SQLite
 * library, the workers' shared class-data archive when there is one): killed with SIGKILL at a progress step, or run to its end.
 */
final class SyncWorkerProcess {
    private final List<String> args;

    /** {@code SyncWorker DB SERVER TEAM PAGE_SIZE [export]}. */
    SyncWorkerProcess(Path db, String server, String team, String pageSize, boolean export) {
        this.args = new ArrayList<>(List.of(db.toString(), server, team, pageSize));
        if (export) {
            args.add("export");
        }
    }

    /** Starts the worker and SIGKILLs it once it printed a line starting with {@code marker} {@code count} times. */
    void killAfter(String marker, int count) throws Exception {
        Process worker = start();
        int seen = 0;
        boolean killed = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(marker) && ++seen >= count) {
                    worker.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no rollback code runs
                    killed = true;
                    break;
                }
            }
        }
        assertThat(worker.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed).as("the worker reached '" + marker + "' before finishing").isTrue();
    }

    /** Runs the worker to its end: it printed DONE and exited 0. */
    void runToEnd() throws Exception {
        Process worker = start();
        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(worker.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("DONE");
        assertThat(worker.exitValue()).isZero();
    }

    private Process start() throws Exception {
        List<String> command = WorkerJvm.command(WorkerJvm.shortLivedOptions(), SyncWorker.class,
                args.toArray(String[]::new));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
