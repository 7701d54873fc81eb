package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
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

    @Command(name = "backup", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Backup implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "backup.out")
        Path out;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            try (RelaisCore services = root.openServices()) {
                services.session().require(fr.relais.core.session.Permission.WORKSTATION_ADMIN);
                long size = StoreBackup.backup(services.database(), out);
                services.database().inTransaction(() -> {
                    services.audit().record("store.backup", "Store", out.toAbsolutePath(), null, size + " bytes");
                    return null;
                });
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("file", out.toAbsolutePath().toString());
                json.put("bytes", size);
                root.printer().object(json, o -> o.println(root.text("backup.done", out.toAbsolutePath(), size / 1024)));
            }
            return Cli.OK;
        }
    }

    @Command(name = "restore", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "restore.file")
        Path file;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            root.requireAdministrator();
            Path kept = StoreBackup.restore(file, root.databaseFile(), root.storeKey(), java.time.Clock.systemUTC());
            // Opened once: migrations run now (a backup from an older Relais), and the restore is audited in it.
            try (RelaisCore services = root.openServices()) {
                services.database().inTransaction(() -> {
                    services.audit().record("store.restore", "Store", file.toAbsolutePath(), null, "previous database kept as " + kept);
                    return null;
                });
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("restoredFrom", file.toAbsolutePath().toString());
            json.put("previousKeptAs", kept.toString());
            root.printer().object(json, o -> o.println(root.text("restore.done", file.toAbsolutePath(), kept)));
            return Cli.OK;
        }
    }
}
