package fr.relais.app.cli;

import fr.relais.app.cli.view.AlertView;
import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertDecisions;
import fr.relais.core.alert.Escalation;
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

    abstract static class Decision<N> implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "alert.id")
        String id;
        @Option(names = "--reason", required = true, descriptionKey = "option.reason")
        String reason;

        private final Wiring<N> wiring;
        private final Act<N> act;

        Decision(Wiring<N> wiring, Act<N> act) {
            this.wiring = wiring;
            this.act = act;
        }

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            UUID alertId = Arguments.uuid("ID", id);
            try (OpenStore<N> store = root.open(wiring)) {
                Alert alert = act.on(store.uses(), alertId, reason);
                String patient = store.patientName(alert.patientId());
                String measure = new fr.relais.core.wording.Quantities(root.language()).measureNameInSentence(alert.code());
                String status = new fr.relais.core.wording.StatusWords(root.language()).alert(alert.status());
                root.printer().object(AlertView.of(alert), out -> out.println(root.text("alert.decided", patient, measure, status)));
            }
            return Cli.OK;
        }
    }

    /** What a decision does to the alert, with the reason given. */
    interface Act<N> {
        Alert on(N uses, UUID id, String reason);
    }

    @Command(name = "ack", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Ack extends Decision<AlertDecisions> {
        Ack() {
            super(CommandWiring.ALERT_DECISIONS, AlertDecisions::acknowledge);
        }
    }

    @Command(name = "resolve", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Resolve extends Decision<AlertDecisions> {
        Resolve() {
            super(CommandWiring.ALERT_DECISIONS, AlertDecisions::resolve);
        }
    }

    @Command(name = "dismiss", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Dismiss extends Decision<AlertDecisions> {
        Dismiss() {
            super(CommandWiring.ALERT_DECISIONS, AlertDecisions::dismiss);
        }
    }

    @Command(name = "escalate", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Escalate extends Decision<Escalation> {
        Escalate() {
            super(CommandWiring.ALERT_ESCALATION, Escalation::escalate);
        }
    }
}
