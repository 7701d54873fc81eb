package fr.relais.app.cli;

import fr.relais.app.wording.ConflictSubjectText;
import fr.relais.app.wording.ConflictValueText;

import fr.relais.app.cli.output.Column;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.replication.ConflictRepository;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.i18n.Localization;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.engine.ConflictResolver;
import fr.relais.sync.engine.ServerRefusal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais conflicts list|show ID|resolve ID --keep local|remote}: the conflict inbox of the sync. */
@Command(name = "conflicts", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ConflictsCommand.ListConflicts.class, ConflictsCommand.Show.class, ConflictsCommand.Resolve.class,
                ConflictsCommand.Retry.class, ConflictsCommand.Discard.class})
final class ConflictsCommand {
    /** Times are shown as the team reads them, in Paris time. */
    private static final java.time.format.DateTimeFormatter AT =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(fr.relais.core.time.CareZone.PARIS);

    /**
     * What the inbox uses: the conflicts, the sync's resolver, what each conflict is about in words (the patient found
     * through the record, its task or its measure), and the professionals a care-team value names.
     */
    record Uses(ConflictRepository conflicts, ConflictResolver resolver, ConflictSubjectText subjects, CareTeamService careTeam) {
    }

    private static List<Column<Conflict>> columns(Uses uses, Localization texts) {
        // The table in words (the record by its patient, the field, the status); CSV and JSON keep the codes and ids
        // scripts read. The conflict's id stays in the table: it is what `relais conflicts resolve` takes.
        return List.of(new Column<>("id", "col.id", Conflict::id),
                new Column<>("resourceType", "col.record", Conflict::resourceType, c -> uses.subjects().record(c, texts)),
                Column.forScripts("localId", Conflict::localId),
                new Column<>("field", "col.field", Conflict::field, c -> ConflictSubjectText.field(c, texts)),
                new Column<>("baseValue", "col.base", Conflict::baseValue, c -> ConflictValueText.base(c, uses.careTeam(), texts)),
                new Column<>("localValue", "col.local", Conflict::localValue, c -> ConflictValueText.local(c, uses.careTeam(), texts)),
                new Column<>("remoteValue", "col.remote", Conflict::remoteValue, c -> ConflictValueText.remote(c, uses.careTeam(), texts)),
                new Column<>("status", "col.status", Conflict::status,
                        c -> texts.has("conflict.status." + c.status()) ? texts.text("conflict.status." + c.status()) : c.status()));
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListConflicts implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--status", paramLabel = "open|all", defaultValue = "open", descriptionKey = "conflicts.status")
        String status;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            boolean openOnly = Arguments.enumValue("--status", status, AlertsCommand.Scope.class) == AlertsCommand.Scope.OPEN;
            try (OpenStore<Uses> store = root.open(CommandWiring.CONFLICTS)) {
                Uses uses = store.uses();
                root.printer().list(uses.conflicts().list(openOnly), columns(uses, Localization.of(fr.relais.app.wording.Messages.BUNDLE, root.language())), c -> c);
            }
            return Cli.OK;
        }
    }

    /**
     * What show, resolve, retry and discard share: the conflict named by its ID (exit 2 when it is no id), on the open
     * inbox, with the wording of the run's language.
     */
    abstract static class OneConflict implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "conflicts.id")
        String id;

        abstract void run(RelaisCommand root, Uses uses, UUID conflictId, Localization texts);

        /** Reads the command's own arguments before the store opens: a bad one is refused with nothing touched. */
        void checkArguments() {
        }

        @Override
        public final Integer call() {
            RelaisCommand root = Leaf.root(spec);
            UUID conflictId = Arguments.uuid("ID", id);
            checkArguments();
            try (OpenStore<Uses> store = root.open(CommandWiring.CONFLICTS)) {
                run(root, store.uses(), conflictId, Localization.of(fr.relais.app.wording.Messages.BUNDLE, root.language()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "show", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Show extends OneConflict {
        @Override
        void run(RelaisCommand root, Uses uses, UUID conflictId, Localization texts) {
            Conflict c = uses.conflicts().find(conflictId).orElseThrow(() -> new NotFoundException("ID", NotFoundException.What.CONFLICT, id));
            root.printer().object(c, out -> {
                if (c.isRefusal()) {
                    ServerRefusal refusal = ServerRefusal.of(c);
                    out.println(root.text("conflicts.refused", uses.subjects().record(c, texts), AT.format(c.createdAt()),
                            refusal.status(), refusal.diagnostics()));
                    out.println(root.text("conflicts.refusedActions", c.id()));
                    return;
                }
                out.println(root.text("conflicts.header", uses.subjects().record(c, texts), ConflictSubjectText.field(c, texts),
                        texts.has("conflict.status." + c.status()) ? texts.text("conflict.status." + c.status()) : c.status()));
                out.println(root.text("conflicts.base", ConflictValueText.base(c, uses.careTeam(), texts)));
                out.println(root.text("conflicts.local", ConflictValueText.local(c, uses.careTeam(), texts)));
                out.println(root.text("conflicts.remote", ConflictValueText.remote(c, uses.careTeam(), texts), c.remoteVersion()));
            });
        }
    }

    @Command(name = "resolve", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Resolve extends OneConflict {
        @Option(names = "--keep", required = true, paramLabel = "local|remote", descriptionKey = "conflicts.keep")
        String keep;
        private ConflictResolver.Choice choice;

        @Override
        void checkArguments() {
            choice = ConflictResolver.parseChoice(keep);
        }

        @Override
        void run(RelaisCommand root, Uses uses, UUID conflictId, Localization texts) {
            Conflict c = uses.resolver().resolve(conflictId, choice);
            root.printer().object(c, out -> out.println(root.text("REMOTE".equals(c.choice()) ? "conflicts.keptRemote" : "conflicts.keptLocal",
                    uses.subjects().record(c, texts), ConflictSubjectText.field(c, texts))));
        }
    }

    /** What retry and discard share: a refusal by the server, settled one way or the other. */
    abstract static class RefusalAction extends OneConflict {
        private final java.util.function.BiFunction<ConflictResolver, UUID, Conflict> settle;
        /** The message saying what happens to the record now. */
        private final String doneKey;

        RefusalAction(java.util.function.BiFunction<ConflictResolver, UUID, Conflict> settle, String doneKey) {
            this.settle = settle;
            this.doneKey = doneKey;
        }

        @Override
        void run(RelaisCommand root, Uses uses, UUID conflictId, Localization texts) {
            Conflict c = settle.apply(uses.resolver(), conflictId);
            root.printer().object(c, out -> out.println(root.text(doneKey, uses.subjects().record(c, texts))));
        }
    }

    /** {@code relais conflicts retry ID}: a record the server refused goes again with the next sync. */
    @Command(name = "retry", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Retry extends RefusalAction {
        Retry() {
            super(ConflictResolver::retry, "conflicts.retried");
        }
    }

    /** {@code relais conflicts discard ID}: gives up the local change the server refused. */
    @Command(name = "discard", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Discard extends RefusalAction {
        Discard() {
            super(ConflictResolver::discard, "conflicts.discarded");
        }
    }
}
