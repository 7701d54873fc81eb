package fr.relais.sync.engine;

import java.util.List;

/** What a sync did: records pulled and pushed, merges, new conflicts, and resources it could not read (with why). */
public record SyncReport(String status, int pulled, int pushed, int merged, int conflicts, int openConflicts, int pending,
                         List<String> skipped) {
    public SyncReport {
        skipped = List.copyOf(skipped);
    }
}
