package fr.relais.core.measure;

import java.util.concurrent.CancellationException;

/**
 * An import stopped on request between two batches: the batches committed before stay ({@code stored} measures from the
 * first {@code rowsDone} of {@code rows} rows), nothing of the others was written. Importing the same file again
 * stores only the rest.
 */
public final class ImportCancelledException extends CancellationException {
    private final int stored;
    private final int rowsDone;
    private final int rows;

    public ImportCancelledException(String source, int stored, int rowsDone, int rows) {
        super(source + ": import cancelled after " + rowsDone + " of " + rows + " rows (" + stored + " measures stored)");
        this.stored = stored;
        this.rowsDone = rowsDone;
        this.rows = rows;
    }

    public int stored() {
        return stored;
    }

    public int rowsDone() {
        return rowsDone;
    }

    public int rows() {
        return rows;
    }
}
