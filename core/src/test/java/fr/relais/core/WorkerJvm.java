package fr.relais.core;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
