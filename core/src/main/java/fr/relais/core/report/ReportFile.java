package fr.relais.core.report;

import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * Writes a report or an export beside its target ({@code name.part}) and moves it into place once complete: a failed
 * or cancelled report never leaves half a file under the name a clinic's script or a nurse will open.
 */
public final class ReportFile {
    private ReportFile() {
    }

    /** Runs {@code writer}; whatever it throws (a failure, a cancellation) leaves no file behind. */
    public static void writeAtomically(Path out, Consumer<OutputStream> writer) {
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(partial)) {
                writer.accept(stream);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException(out.toString(), "report.write", out.toString(), e.getMessage());
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: the partial file is named as such
            }
        }
    }
}
