package fr.relais.sync.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.replication.SyncRunLog;
import java.util.List;

/**
 * What a sync did: how it ended ({@code state}: done, cancelled; a failed run throws), records pulled and pushed,
 * merges, new conflicts, resources it could not read (with why), and records the server refused (each now in the
 * inbox; the others went through). As JSON ({@code relais sync --format json}, docs/sync.md) the outcome is
 * {@code status}, its name, first, as before the outcome was typed.
 */
@JsonPropertyOrder({"status", "pulled", "pushed", "merged", "conflicts", "openConflicts", "pending", "skipped", "refused"})
public record SyncReport(@JsonIgnore SyncRunLog.State state, int pulled, int pushed, int merged, int conflicts,
                         int openConflicts, int pending, List<String> skipped, int refused) {
    public SyncReport {
        java.util.Objects.requireNonNull(state, "state");
        skipped = List.copyOf(skipped);
    }

    /** The outcome's name, as {@code sync_run} stores it: the wording's key ({@code sync.run.DONE}) and the JSON's. */
    @JsonProperty("status")
    public String status() {
        return state.name();
    }
}
