package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.view.MessageView;
import fr.relais.core.identity.PatientService;
import fr.relais.core.messaging.OutgoingMessages;
import fr.relais.core.error.BadInputException;
import fr.relais.core.messaging.MessageStatus;
import fr.relais.core.messaging.OutgoingMessage;
import fr.relais.core.time.CareZone;
import fr.relais.sync.mssante.MssanteService;
import fr.relais.sync.mssante.MssanteSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code relais mssante send|list|retry}: documents about patients through MSSanté secure messaging. */
@Command(name = "mssante", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {MssanteCommand.Send.class, MssanteCommand.ListMessages.class, MssanteCommand.Retry.class})
final class MssanteCommand {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);

    /**
     * What the messaging commands use: the sending service for given settings (built by the composition; the account is
     * read when a message is sent), the messages recorded here, and the patients {@code --patient} names.
     */
    record Uses(java.util.function.Function<MssanteSettings, MssanteService> sending, OutgoingMessages messages,
                PatientService patients) {
    }

    /** Prints the message; a failed one exits 1 and says how to retry (it stays recorded). */
    static int report(RelaisCommand root, CommandSpec spec, List<OutgoingMessage> messages) {
        boolean failed = messages.stream().anyMatch(m -> m.status() != MessageStatus.SENT);
        if (messages.size() == 1) {
            OutgoingMessage m = messages.get(0);
            root.printer().object(MessageView.of(m), out -> out.println(root.text("mssante.result." + m.status().name(), m.recipient(), m.id())));
        } else {
            root.printer().list(messages, columns(), MessageView::of);
        }
        messages.stream().filter(m -> m.status() != MessageStatus.SENT)
                .forEach(m -> spec.commandLine().getErr().println(root.text("mssante.failed", m.id(), m.lastError())));
        return failed ? Cli.FAILURE : Cli.OK;
    }

    /** {@code --config}: the MSSanté settings file, else the settings from the environment. */
    static final class Config {
        @Option(names = "--config", paramLabel = "FILE", descriptionKey = "mssante.config")
        Path file;

        MssanteSettings settings(RelaisCommand root) {
            return MssanteSettings.from(file, root.environment());
        }
    }

    static List<Column<OutgoingMessage>> columns() {
        return List.of(new Column<>("id", "col.id", OutgoingMessage::id),
                new Column<>("createdAt", "col.at", m -> AT.format(m.createdAt())),
                new Column<>("status", "col.status", OutgoingMessage::status),
                new Column<>("recipient", "col.recipient", OutgoingMessage::recipient),
                new Column<>("label", "col.title", OutgoingMessage::label),
                new Column<>("createdBy", "col.author", OutgoingMessage::createdBy));
    }

    @Command(name = "send", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Send extends Leaf.WithRoot {
        @Option(names = "--patient", required = true, paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;
        @Option(names = "--to", required = true, paramLabel = "ADDRESS", descriptionKey = "mssante.to")
        String to;
        @Option(names = "--file", required = true, paramLabel = "REPORT.pdf", descriptionKey = "mssante.file")
        Path file;
        @Option(names = "--label", defaultValue = "Rapport de parcours", descriptionKey = "mssante.label")
        String label;
        @picocli.CommandLine.Mixin
        Config config;

        @Override
        int run(RelaisCommand root) {
            MssanteSettings settings = config.settings(root);
            byte[] pdf;
            try {
                pdf = Files.readAllBytes(file);
            } catch (IOException e) {
                throw fr.relais.core.error.FileProblem.unreadable(file.toString(), e);
            }
            try (OpenStore<Uses> store = root.open(CommandWiring.MSSANTE)) {
                UUID patientId = store.patient(patient);
                OutgoingMessage m = store.uses().sending().apply(settings).send(patientId, to, label, file.getFileName().toString(), pdf);
                return report(root, spec, List.of(m));
            }
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListMessages extends Leaf.WithServices<Uses> {
        @Option(names = "--patient", paramLabel = "ID", descriptionKey = "worklist.patient")
        String patient;

        ListMessages() {
            super(CommandWiring.MSSANTE);
        }

        @Override
        int run(RelaisCommand root, Uses uses) {
            UUID patientId = patient == null ? null : uses.patients().resolve(patient).id();
            root.printer().list(uses.messages().list(patientId), columns(), MessageView::of);
            return Cli.OK;
        }
    }

    /** Sends again one message, or every message not sent yet. */
    @Command(name = "retry", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Retry extends Leaf.WithRoot {
        @Parameters(index = "0", arity = "0..1", paramLabel = "ID", descriptionKey = "mssante.message")
        String id;
        @picocli.CommandLine.Mixin
        Config config;

        @Override
        int run(RelaisCommand root) {
            MssanteSettings settings = config.settings(root);
            try (OpenStore<Uses> store = root.open(CommandWiring.MSSANTE)) {
                MssanteService service = store.uses().sending().apply(settings);
                List<OutgoingMessage> sent = id == null ? service.retryUnsent() : List.of(service.retry(Arguments.uuid("ID", id)));
                return report(root, spec, sent);
            }
        }
    }
}
