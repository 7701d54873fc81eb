package fr.relais.core.measure;

import java.util.List;

/** What an import did: rows stored, and the rows left out (only with skip-bad-rows). */
public record ImportReport(int imported, List<ImportRowError> skipped) {
    public ImportReport {
        skipped = List.copyOf(skipped);
    }
}
