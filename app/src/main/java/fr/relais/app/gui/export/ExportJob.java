package fr.relais.app.gui.export;

import fr.relais.core.report.ReportFile;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * One export in two phases, gather (read the database in one transaction) then write (lay out and save), so that the
 * dialog can report progress between them and a cancellation stops before the file appears. The file is written
 * beside its target and moved into place only when complete ({@link ReportFile}).
 */
record ExportJob<T>(Callable<T> gather, BiConsumer<T, OutputStream> write) {

    /** Phases reported to the dialog. */
    enum Phase { GATHERING, WRITING, DONE }

    Path run(Path out, BooleanSupplier cancelled, java.util.function.Consumer<Phase> progress) throws Exception {
        progress.accept(Phase.GATHERING);
        T data = gather.call();
        stopIf(cancelled);
        progress.accept(Phase.WRITING);
        ReportFile.writeAtomically(out, stream -> {
            write.accept(data, stream);
            // Checked once the content is laid out: a cancel then still leaves no file under the final name.
            stopIf(cancelled);
        });
        progress.accept(Phase.DONE);
        return out.toAbsolutePath();
    }

    private static void stopIf(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }
}
