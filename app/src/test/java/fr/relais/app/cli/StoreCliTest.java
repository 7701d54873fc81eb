package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.RelaisCore;
import fr.relais.core.StoreTemplate;
import fr.relais.core.i18n.Language;
import fr.relais.core.store.StoreEncryption;
import fr.relais.core.store.StoreKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code relais store} and the passphrase on the command line (ADR 0011): a plain store encrypted, then opened only
 * through RELAIS_PASSPHRASE_FILE, a wrong or missing passphrase refused with exit code 2 and the store unchanged, the
 * passphrase changed, the backup encrypted; and the desktop asked to unlock when no passphrase file is given.
 */
class StoreCliTest {
    @TempDir
    Path dir;
    Path db;
    Path first;
    Path second;
    final List<String> unlockAsked = new ArrayList<>();

    final GuiLauncher gui = new GuiLauncher() {
        @Override
        public void launch(RelaisCore services, Language language) {
            unlockAsked.add("opened " + services.database().encrypted());
        }

        @Override
        public RelaisCore launchLocked(Path database, Function<StoreKey, RelaisCore> unlock, Language language) {
            unlockAsked.add("locked " + database.getFileName());
            return unlock.apply(StoreKey.of("correct horse battery staple".toCharArray()));
        }

        @Override
        public RelaisCore launchNew(Path database, Function<StoreKey, RelaisCore> create, Language language) {
            unlockAsked.add("new " + database.getFileName());
            return create.apply(StoreKey.of("correct horse battery staple".toCharArray()));
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        db = dir.resolve("relais.db");
        first = Files.writeString(dir.resolve("first.txt"), "correct horse battery staple\n");
        second = Files.writeString(dir.resolve("second.txt"), "une autre phrase bien longue\n");
    }

    private CliRun run(Path passphrase, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("RELAIS_DB", db.toString()));
        if (passphrase != null) {
            env.put(RelaisCommand.PASSPHRASE_FILE_VARIABLE, passphrase.toString());
        }
        return CliRun.of(gui, env, args);
    }

    private int patients(Path passphrase) {
        return run(passphrase, "--format", "json", "patient", "list").json().size();
    }

    @Test
    void aPlainStoreIsEncryptedThenOpensOnlyWithItsPassphrase() {
        StoreTemplate.copyTo(db); // a plain store made by this version
        assertThat(run(null, "demo", "--patients", "4").code()).isZero();
        assertThat(run(null, "--format", "json", "store", "status").json().get("encrypted").asBoolean()).isFalse();

        CliRun encrypt = run(null, "--format", "json", "store", "encrypt", "--new-passphrase-file", first.toString());
        assertThat(encrypt.json().get("encrypted").asBoolean()).isTrue();
        assertThat(StoreEncryption.isEncrypted(db)).isTrue();

        assertThat(patients(first)).isEqualTo(4);
        CliRun none = run(null, "patient", "list");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("est chiffrée", "RELAIS_PASSPHRASE_FILE");
        CliRun wrong = run(second, "patient", "list");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("la phrase secrète ne déchiffre pas la base");
        assertThat(patients(first)).as("refusals change nothing").isEqualTo(4);
    }

    @Test
    void thePassphraseChangesAndBackupsStayEncrypted() {
        StoreTemplate.copyTo(db); // a plain store made by this version
        assertThat(run(null, "demo", "--patients", "3").code()).isZero();
        assertThat(run(null, "store", "encrypt", "--new-passphrase-file", first.toString()).code()).isZero();

        CliRun tooShort = run(first, "store", "passphrase", "--new-passphrase-file",
                write("short.txt", "court\n").toString());
        assertThat(tooShort.code()).isEqualTo(2);
        assertThat(tooShort.err()).contains("au moins 12 caractères");
        assertThat(run(first, "store", "passphrase", "--new-passphrase-file", second.toString()).code()).isZero();
        assertThat(run(first, "patient", "list").code()).isEqualTo(2);
        assertThat(patients(second)).isEqualTo(3);

        Path backup = dir.resolve("sauvegarde.db");
        assertThat(run(second, "backup", "--out", backup.toString()).code()).isZero();
        assertThat(StoreEncryption.isEncrypted(backup)).isTrue();
        assertThat(run(second, "restore", backup.toString()).code()).isZero();
        assertThat(patients(second)).isEqualTo(3);
    }

    @Test
    void withoutAPassphraseFileTheDesktopAsksForIt() {
        StoreTemplate.copyTo(db); // a plain store made by this version
        assertThat(run(null, "demo", "--patients", "2").code()).isZero();
        assertThat(run(null, "store", "encrypt", "--new-passphrase-file", first.toString()).code()).isZero();

        assertThat(run(null).code()).isZero();
        assertThat(run(first).code()).isZero();

        assertThat(unlockAsked).containsExactly("locked relais.db", "opened true");
    }

    @Test
    void theFirstStartOfTheDesktopCreatesTheStoreEncrypted() {
        assertThat(run(null).code()).isZero();
        assertThat(unlockAsked).containsExactly("new relais.db");
        assertThat(StoreEncryption.isEncrypted(db)).isTrue();
        assertThat(run(null, "patient", "list").code()).isEqualTo(2);
        assertThat(run(first, "patient", "list").code()).isZero();
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
