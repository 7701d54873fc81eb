package fr.relais.core.store;

import fr.relais.core.RelaisCore;
import fr.relais.core.error.BadInputException;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Another Relais importing a measure file, in its own JVM, for the restore tests: {@code ImportWorker DB CSV NOW}.
 * Prints "OPEN" once the store is open, then "IMPORTED n" after the import committed, or "REFUSED reason" (in French)
 * when the store was refused; exits 0, or 2 when refused.
 */
public final class ImportWorker {
    private ImportWorker() {
    }

    public static void main(String[] args) throws IOException {
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        try (RelaisCore core = RelaisCore.open(Path.of(args[0]), clock, new UserSession(new Actor("import", null, null)));
             Reader csv = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            System.out.println("OPEN");
            System.out.flush();
            int imported = core.measureImport().importCsv(args[1], csv, false).imported();
            System.out.println("IMPORTED " + imported);
        } catch (BadInputException refused) {
            System.out.println("REFUSED " + refused.reason(fr.relais.core.i18n.Language.FR));
            System.exit(2);
        }
    }
}
