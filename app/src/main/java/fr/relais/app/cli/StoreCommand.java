package fr.relais.app.cli;

import fr.relais.core.error.BadInputException;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code relais store status|encrypt|passphrase}: the store's encryption at rest (ADR 0011). Passphrases come from
 * files ({@code RELAIS_PASSPHRASE_FILE}, {@code --new-passphrase-file}) or are typed twice at the console, never
 * given on the command line.
 */
@Command(name = "store", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {StoreCommand.Status.class, StoreCommand.Encrypt.class, StoreCommand.Passphrase.class})
final class StoreCommand {
    private StoreCommand() {
    }

    /** What every store sub-command reports first, for scripts: the database file it worked on. */
    static Map<String, Object> about(Path db) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("database", db.toString());
        return json;
    }

    @Command(name = "status", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Status extends Leaf.WithRoot {
        @Override
        int run(RelaisCommand root) {
            Path db = root.databaseFile();
            boolean encrypted = StoreEncryption.isEncrypted(db);
            Map<String, Object> json = about(db);
            json.put("encrypted", encrypted);
            json.put("cipher", encrypted ? "sqlcipher-4" : null);
            root.printer().object(json, o -> o.println(root.text(encrypted ? "store.status.encrypted" : "store.status.plain", db)));
            return Cli.OK;
        }
    }

    @Command(name = "encrypt", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Encrypt extends Leaf.WithRoot {
        @Mixin
        NewPassphrase newPassphrase;

        @Override
        int run(RelaisCommand root) {
            Path db = root.databaseFile();
            root.requireAdministrator();
            List<Path> plainCopies = StoreEncryption.encrypt(db, newPassphrase.key(root));
            Map<String, Object> json = about(db);
            json.put("encrypted", true);
            json.put("plainCopies", plainCopies.stream().map(Path::toString).toList());
            root.printer().object(json, o -> {
                o.println(root.text("store.encrypted", db));
                plainCopies.forEach(copy -> o.println(root.text("store.plainCopy", copy)));
            });
            return Cli.OK;
        }
    }

    @Command(name = "passphrase", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Passphrase extends Leaf.WithRoot {
        @Mixin
        NewPassphrase newPassphrase;

        @Override
        int run(RelaisCommand root) {
            Path db = root.databaseFile();
            StoreKey current = root.storeKey();
            root.requireAdministrator();
            StoreEncryption.changePassphrase(db, current, newPassphrase.key(root));
            Map<String, Object> json = about(db);
            json.put("passphraseChanged", true);
            root.printer().object(json, o -> o.println(root.text("store.passphraseChanged", db)));
            return Cli.OK;
        }
    }

    /** {@code --new-passphrase-file}, or the new passphrase typed twice at the console (the two must match). */
    static final class NewPassphrase {
        @Option(names = "--new-passphrase-file", paramLabel = "FILE", descriptionKey = "store.newPassphraseFile")
        Path file;

        StoreKey key(RelaisCommand root) {
            if (file != null) {
                return StoreKey.fromFile(file);
            }
            StoreKey first = root.prompt(root.text("store.prompt.new"));
            if (!first.isSet()) {
                throw new BadInputException("--new-passphrase-file", "store.newPassphrase.missing");
            }
            if (!first.equals(root.prompt(root.text("store.prompt.again")))) {
                throw new BadInputException("--new-passphrase-file", "store.newPassphrase.mismatch");
            }
            return first;
        }
    }
}
