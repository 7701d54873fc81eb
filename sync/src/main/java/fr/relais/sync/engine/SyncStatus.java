package fr.relais.sync.engine;

import fr.relais.core.replication.SyncRunLog;
import java.time.Instant;
import java.util.Optional;

/**
 * What the status bar shows: offline / syncing / up to date / changes waiting / failed, the last successful sync,
 * pending changes and open conflicts; and the server records kept unread ({@code unread}, with their reasons grouped
 * in {@code unreadReasons}), whichever sync met them. Derived from the run history, the outbox, the inbox and the
 * unread records: nothing to keep in step.
 */
public record SyncStatus(State state, Instant lastSuccess, int pending, int openConflicts, String lastMessage, int refused,
                         int unread, java.util.List<fr.relais.core.replication.SyncState.UnreadGroup> unreadReasons) {
    static final String UNREACHABLE = "unreachable: ";
    static final String REFUSED = "refused: ";

    /**
     * {@code REFUSED_RECORDS}: the last sync ran to the end, but the server refused some records (they wait in the
     * inbox); the sync itself works.
     */
    public enum State { NEVER, SYNCING, UP_TO_DATE, CHANGES_WAITING, REFUSED_RECORDS, OFFLINE, FAILED }

    public static SyncStatus of(SyncStores stores, boolean running) {
        int pending = stores.outbox().count();
        var open = stores.conflicts().list(true);
        int conflicts = open.size();
        int refused = (int) open.stream().filter(fr.relais.core.replication.Conflict::isRefusal).count();
        Optional<SyncRunLog.Run> last = stores.syncRuns().recent(1).stream().findFirst();
        Instant lastSuccess = stores.syncRuns().lastSuccess().map(SyncRunLog.Run::finishedAt).orElse(null);
        String message = last.map(SyncRunLog.Run::message).orElse(null);
        State state;
        if (running) {
            state = State.SYNCING;
        } else if (last.isEmpty()) {
            state = State.NEVER;
        } else if (last.get().state() == SyncRunLog.State.FAILED) {
            state = message != null && message.startsWith(UNREACHABLE) ? State.OFFLINE : State.FAILED;
        } else if (refused > 0) {
            state = State.REFUSED_RECORDS;
        } else {
            state = pending > 0 || conflicts > 0 ? State.CHANGES_WAITING : State.UP_TO_DATE;
        }
        var unreadReasons = stores.syncState().unreadByReason();
        int unread = unreadReasons.stream().mapToInt(fr.relais.core.replication.SyncState.UnreadGroup::count).sum();
        return new SyncStatus(state, lastSuccess, pending, conflicts, message, refused, unread, unreadReasons);
    }

    /**
     * This status as a workstation listening to the team server sees it (issue 27): "up to date" (and "changes
     * waiting") only while the change socket is open, since only then is the laptop told at once of the team's
     * changes; with the socket closed the state is {@code OFFLINE}, the last successful sync still given.
     */
    public SyncStatus listening(boolean listening) {
        if (listening || (state != State.UP_TO_DATE && state != State.CHANGES_WAITING)) {
            return this;
        }
        return new SyncStatus(State.OFFLINE, lastSuccess, pending, openConflicts, lastMessage, refused, unread, unreadReasons);
    }
}
