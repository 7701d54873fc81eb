package fr.relais.app.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Sub-commands reach the global options through the root command. */
final class Leaf {
    private Leaf() {
    }

    static RelaisCommand root(CommandSpec spec) {
        return (RelaisCommand) spec.root().userObject();
    }

    /** Work on one patient: the root command, what the command uses and the patient's id. */
    interface PatientWork<N> {
        int run(RelaisCommand root, N uses, UUID patientId);
    }

    /**
     * Opens the store with what {@code wiring} takes from it, resolves {@code patient} (id or IPP: exit 2 when
     * unknown) and runs {@code work}.
     */
    static <N> int forPatient(CommandSpec spec, String patient, Wiring<N> wiring, PatientWork<N> work) {
        RelaisCommand root = root(spec);
        try (OpenStore<N> store = root.open(wiring)) {
            return work.run(root, store.uses(), store.patient(patient));
        }
    }

    /** A sub-command that works with the root command's global options (database, format, language). */
    abstract static class WithRoot implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        abstract int run(RelaisCommand root) throws Exception;

        @Override
        public final Integer call() throws Exception {
            return run(root(spec));
        }
    }

    /**
     * A sub-command that works on the open store with the few services {@code wiring} gives it: the store is closed
     * when it returns or fails.
     */
    abstract static class WithServices<N> extends WithRoot {
        private final Wiring<N> wiring;

        WithServices(Wiring<N> wiring) {
            this.wiring = wiring;
        }

        abstract int run(RelaisCommand root, N uses) throws Exception;

        @Override
        final int run(RelaisCommand root) throws Exception {
            try (OpenStore<N> store = root.open(wiring)) {
                return run(root, store.uses());
            }
        }
    }

    /** A sub-command about one patient named by {@code --patient} (id or IPP: exit 2 when unknown). */
    abstract static class WithPatient<N> implements Callable<Integer> {
        private final Wiring<N> wiring;
        @Spec
        CommandSpec spec;
        @Option(names = "--patient", required = true, paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;

        WithPatient(Wiring<N> wiring) {
            this.wiring = wiring;
        }

        abstract int run(RelaisCommand root, N uses, UUID patientId);

        @Override
        public final Integer call() {
            return forPatient(spec, patient, wiring, this::run);
        }
    }
}
