package fr.relais.core.replication;

import static fr.relais.core.store.schema.Tables.SYNC_RUN;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** The history of sync runs: what the status bar and the Sync screen show (last success, counts, failures). */
public final class SyncRunLog {
    private final DSLContext dsl;

    public SyncRunLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public UUID start(String server, Instant at) {
        UUID id = UUID.randomUUID();
        dsl.insertInto(SYNC_RUN).set(SYNC_RUN.ID, id.toString()).set(SYNC_RUN.SERVER, server)
                .set(SYNC_RUN.STARTED_AT, at).set(SYNC_RUN.STATUS, State.RUNNING.name()).execute();
        return id;
    }

    public void finish(UUID id, Run run) {
        dsl.update(SYNC_RUN).set(SYNC_RUN.FINISHED_AT, run.finishedAt()).set(SYNC_RUN.STATUS, run.state().name())
                .set(SYNC_RUN.PULLED, run.pulled()).set(SYNC_RUN.PUSHED, run.pushed()).set(SYNC_RUN.MERGED, run.merged())
                .set(SYNC_RUN.CONFLICTS, run.conflicts()).set(SYNC_RUN.MESSAGE, run.message())
                .where(SYNC_RUN.ID.eq(id.toString())).execute();
    }

    public List<Run> recent(int limit) {
        return dsl.selectFrom(SYNC_RUN).orderBy(SYNC_RUN.STARTED_AT.desc()).limit(limit)
                .fetch(r -> new Run(r.getServer(), r.getStartedAt(), r.getFinishedAt(),
                        State.valueOf(r.getStatus()), r.getPulled(), r.getPushed(), r.getMerged(), r.getConflicts(), r.getMessage()));
    }

    public Optional<Run> lastSuccess() {
        return recent(50).stream().filter(r -> r.state() == State.DONE).findFirst();
    }

    /** How a run ended: RUNNING is left by a run a crash interrupted. Stored by name. */
    public enum State { RUNNING, DONE, CANCELLED, FAILED }

    /** One run. */
    public record Run(String server, Instant startedAt, Instant finishedAt, State state, int pulled, int pushed, int merged,
                      int conflicts, String message) {
        /** The state's name, as the database and the wording keys ({@code sync.run.DONE}) spell it. */
        public String status() {
            return state.name();
        }
    }
}
