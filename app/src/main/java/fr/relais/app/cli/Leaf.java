package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
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

    /** Work on one patient: the root command, the open services and the patient's id. */
    interface PatientWork {
        int run(RelaisCommand root, RelaisCore services, UUID patientId);
    }

    /** Opens the services, resolves {@code patient} (id or IPP: exit 2 when unknown) and runs {@code work}. */
    static int forPatient(CommandSpec spec, String patient, PatientWork work) {
        RelaisCommand root = root(spec);
        try (RelaisCore services = root.openServices()) {
            return work.run(root, services, services.patients().resolve(patient).id());
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

    /** A sub-command that works on the open store: the services are closed when it returns or fails. */
    abstract static class WithServices extends WithRoot {
        abstract int run(RelaisCommand root, RelaisCore services) throws Exception;

        @Override
        final int run(RelaisCommand root) throws Exception {
            try (RelaisCore services = root.openServices()) {
                return run(root, services);
            }
        }
    }

    /** A sub-command about one patient named by {@code --patient} (id or IPP: exit 2 when unknown). */
    abstract static class WithPatient implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--patient", required = true, paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;

        abstract int run(RelaisCommand root, RelaisCore services, UUID patientId);

        @Override
        public final Integer call() {
            return forPatient(spec, patient, this::run);
        }
    }
}
