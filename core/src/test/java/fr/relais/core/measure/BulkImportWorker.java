package fr.relais.core.measure;

import fr.relais.core.RelaisCore;
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
 * A Relais importing a large measure file in its own JVM, to be killed mid-import: {@code BulkImportWorker DB CSV NOW}.
 * Prints "READY" once the store is open, "WRITTEN n" after each committed batch (n rows written so far), then "DONE n"
 * after the whole import committed.
 */
public final class BulkImportWorker {
    private BulkImportWorker() {
    }

    public static void main(String[] args) throws IOException {
        Clock clock = Clock.fixed(Instant.parse(args[2]), ZoneOffset.UTC);
        try (RelaisCore core = RelaisCore.open(Path.of(args[0]), clock, new UserSession(new Actor("import", null, null)));
             Reader csv = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
            System.out.println("READY");
            System.out.flush();
            int imported = core.measureImport().importCsv(args[1], csv, false, rows -> { }, rows -> {
                System.out.println("WRITTEN " + rows);
                System.out.flush();
            }, () -> false).imported();
            System.out.println("DONE " + imported);
        }
    }
}
