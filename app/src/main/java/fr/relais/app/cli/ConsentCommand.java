package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.consent.ConsentService;
import fr.relais.core.consent.Consent;
import fr.relais.core.consent.ConsentScope;
import fr.relais.core.time.CareZone;
import fr.relais.core.time.IsoInput;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais consent add|withdraw|list}: the patient's consents, who collected them and when. */
@Command(name = "consent", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ConsentCommand.Add.class, ConsentCommand.Withdraw.class, ConsentCommand.ListConsents.class})
final class ConsentCommand {

    /** What the consent commands use: the consents, and the patients to name whose consent it is. */
    record Uses(ConsentService consents, fr.relais.core.identity.PatientService patients) {
    }

    /** What was done, in words: whose consent, to what, collected by whom and when; a withdrawal with its reason. */
    static void print(RelaisCommand root, Uses uses, Consent c) {
        String patient = uses.patients().find(c.patientId()).map(fr.relais.core.identity.Patient::displayName).orElse("");
        String scope = root.text("consent.scope." + c.scope().name());
        root.printer().object(c, out -> out.println(c.active()
                ? root.text("consent.recorded", patient, scope, c.collectedBy(), c.collectedOn() == null ? "-" : c.collectedOn().format(PatientCommand.DAY))
                : root.text("consent.withdrawnLine", patient, scope, c.withdrawalReason())));
    }

    @Command(name = "add", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--patient", required = true, paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;
        @Option(names = "--scope", required = true, descriptionKey = "consent.scope")
        String scope;
        @Option(names = "--collected-by", required = true, descriptionKey = "consent.collectedBy")
        String collectedBy;
        @Option(names = "--on", paramLabel = "YYYY-MM-DD", descriptionKey = "consent.on")
        String on;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            ConsentScope s = Arguments.enumValue("--scope", scope.replace('-', '_'), ConsentScope.class);
            try (OpenStore<Uses> store = root.open(CommandWiring.CONSENTS)) {
                UUID id = store.patient(patient);
                LocalDate day = on == null ? LocalDate.now(root.clock().withZone(CareZone.PARIS)) : IsoInput.date("--on", on);
                print(root, store.uses(), store.uses().consents().add(id, s, collectedBy, day));
                return Cli.OK;
            }
        }
    }

    @Command(name = "withdraw", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Withdraw extends Leaf.WithServices<Uses> {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "consent.id")
        String id;
        @Option(names = "--reason", required = true, descriptionKey = "consent.reason")
        String reason;

        Withdraw() {
            super(CommandWiring.CONSENTS);
        }

        @Override
        int run(RelaisCommand root, Uses uses) {
            print(root, uses, uses.consents().withdraw(Arguments.uuid("ID", id), reason));
            return Cli.OK;
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListConsents extends Leaf.WithPatient<Uses> {
        ListConsents() {
            super(CommandWiring.CONSENTS);
        }

        @Override
        int run(RelaisCommand root, Uses uses, UUID id) {
            root.printer().list(uses.consents().list(id), List.of(
                    new Column<>("id", "col.id", Consent::id),
                    new Column<>("scope", "col.scope", Consent::scope, c -> root.text("consent.scope." + c.scope().name())),
                    new Column<>("collectedBy", "col.collectedBy", Consent::collectedBy),
                    new Column<>("collectedOn", "col.from", Consent::collectedOn, c -> c.collectedOn() == null ? "" : c.collectedOn().format(PatientCommand.DAY)),
                    new Column<>("source", "col.source", c -> root.text("consent.source." + c.source().name())
                            + (c.sourceReason() == null ? "" : " : " + c.sourceReason())),
                    new Column<>("status", "col.status", c -> c.active() ? "ACTIVE" : "WITHDRAWN",
                            c -> root.text(c.active() ? "consent.active" : "consent.withdrawn")),
                    new Column<>("withdrawalReason", "col.reason", c -> c.withdrawalReason() == null ? "" : c.withdrawalReason())), c -> c);
            return Cli.OK;
        }
    }
}
