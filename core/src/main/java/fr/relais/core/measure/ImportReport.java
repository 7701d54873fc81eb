package fr.relais.core.measure;

import java.util.List;

/**
 * What an import did: rows stored, rows that were already there (the same measure stored before, or repeated in the
 * file: not stored again), and the rows left out (only with skip-bad-rows).
 */
public record ImportReport(int imported, int alreadyPresent, List<ImportRowError> skipped) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
