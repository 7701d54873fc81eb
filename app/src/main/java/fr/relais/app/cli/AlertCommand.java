package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import fr.relais.app.cli.view.AlertView;
import fr.relais.core.alert.Alert;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais alert ack|resolve|dismiss|escalate ID --reason ...}. */
@Command(name = "alert", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {AlertCommand.Ack.class, AlertCommand.Resolve.class, AlertCommand.Dismiss.class, AlertCommand.Escalate.class})
final class AlertCommand {

    abstract static class Decision implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "alert.id")
        String id;
        @Option(names = "--reason", required = true, descriptionKey = "option.reason")
        String reason;

        abstract Alert apply(RelaisCore services, UUID id);

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            UUID alertId = Arguments.uuid("ID", id);
            try (RelaisCore services = root.openServices()) {
                Alert alert = apply(services, alertId);
                String patient = services.patients().find(alert.patientId()).map(fr.relais.core.identity.Patient::displayName).orElse("");
                String measure = new fr.relais.core.wording.Quantities(root.language()).measureNameInSentence(alert.code());
                String status = new fr.relais.core.wording.StatusWords(root.language()).alert(alert.status());
                root.printer().object(AlertView.of(alert), out -> out.println(root.text("alert.decided", patient, measure, status)));
            }
            return Cli.OK;
        }
    }

    @Command(name = "ack", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Ack extends Decision {
        @Override
        Alert apply(RelaisCore services, UUID id) {
            return services.alerts().acknowledge(id, reason);
        }
    }

    @Command(name = "resolve", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Resolve extends Decision {
        @Override
        Alert apply(RelaisCore services, UUID id) {
            return services.alerts().resolve(id, reason);
        }
    }

    @Command(name = "dismiss", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Dismiss extends Decision {
        @Override
        Alert apply(RelaisCore services, UUID id) {
            return services.alerts().dismiss(id, reason);
        }
    }

    @Command(name = "escalate", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Escalate extends Decision {
        @Override
        Alert apply(RelaisCore services, UUID id) {
            return services.alerts().escalate(id, reason);
        }
    }
}
