package fr.relais.sync.engine;

import java.util.List;

/**
 * What a sync did: records pulled and pushed, merges, new conflicts, resources it could not read (with why), and
 * records the server refused (each now in the inbox; the others went through).
 */
public record SyncReport(String status, int pulled, int pushed, int merged, int conflicts, int openConflicts, int pending,
                         List<String> skipped, int refused) {
    public SyncReport {
        skipped = List.copyOf(skipped);
    }
}
