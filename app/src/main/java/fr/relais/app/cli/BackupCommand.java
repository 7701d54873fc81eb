package fr.relais.app.cli;

import fr.relais.core.store.StoreBackup;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais backup --out FILE} (while Relais runs) and {@code relais restore FILE}. */
final class BackupCommand {
    private BackupCommand() {
    }

    /** What a backup and a restore use: the store, its audit trail, and who acts (a backup is the administrator's). */
    record Uses(fr.relais.core.session.UserSession session, fr.relais.core.audit.AuditLog audit,
                fr.relais.core.store.Database database) {
    }

    @Command(name = "backup", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Backup extends Leaf.WithServices<Uses> {
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "backup.out")
        Path out;

        Backup() {
            super(CommandWiring.BACKUP);
        }

        @Override
        int run(RelaisCommand root, Uses uses) {
            uses.session().require(fr.relais.core.session.Permission.WORKSTATION_ADMIN);
            // The backup carries the audit anchor of its moment: its trail is checked against it when restored.
            uses.audit().anchorIntoStore();
            long size = StoreBackup.backup(uses.database(), out);
            uses.database().inTransaction(() -> {
                uses.audit().record("store.backup", "Store", out.toAbsolutePath(), null, size + " bytes");
                return null;
            });
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("file", out.toAbsolutePath().toString());
            json.put("bytes", size);
            root.printer().object(json, o -> o.println(root.text("backup.done", out.toAbsolutePath(), size / 1024)));
            return Cli.OK;
        }
    }

    @Command(name = "restore", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", descriptionKey = "restore.file")
        Path file;
        @Option(names = "--undo", descriptionKey = "restore.undo")
        boolean undo;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            if ((file == null) == !undo) {
                throw new fr.relais.core.error.BadInputException(undo ? "--undo" : "FILE", "restore.fileOrUndo");
            }
            root.requireAdministrator();
            // Undoing is restoring the copy the last restore kept, with the same checks (and a copy kept in turn).
            Path from = undo ? StoreBackup.lastKeptBeforeRestore(root.databaseFile()) : file.toAbsolutePath();
            Path kept = StoreBackup.restore(from, root.databaseFile(), root.storeKey(), root.clock(),
                    fr.relais.core.audit.AuditLog.restoreCheck(from.toString()));
            // Opened once: the restore is audited in the restored store.
            try (OpenStore<Uses> store = root.open(CommandWiring.BACKUP)) {
                Uses uses = store.uses();
                uses.database().inTransaction(() -> {
                    uses.audit().record(undo ? "store.restore.undo" : "store.restore", "Store", from, null,
                            kept == null ? "no previous database" : "previous database kept as " + kept);
                    return null;
                });
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("restoredFrom", from.toString());
            json.put("previousKeptAs", kept == null ? null : kept.toString());
            root.printer().object(json, o -> o.println(kept == null ? root.text("restore.doneNew", from)
                    : root.text("restore.done", from, kept)));
            return Cli.OK;
        }
    }
}
