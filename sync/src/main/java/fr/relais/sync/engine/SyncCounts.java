package fr.relais.sync.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one sync run counted, shared by its pull and its push, reported at the end ({@link SyncReport}). */
final class SyncCounts {
    int pulled;
    int pushed;
    int merged;
    int conflicts;
    int refused;
    long applyNanos;
    final List<String> skipped = new ArrayList<>();
    /** When the server ran each kind's first search of this sync (the start of a first walk of deletions). */
    final java.util.Map<String, Instant> searchedAt = new java.util.HashMap<>();
}
