package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import java.util.UUID;
import picocli.CommandLine.Model.CommandSpec;

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
}
