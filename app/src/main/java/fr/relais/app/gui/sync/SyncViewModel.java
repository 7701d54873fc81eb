package fr.relais.app.gui.sync;

import fr.relais.app.gui.task.BackgroundExecutor;
import fr.relais.app.wording.ConflictSubjectText;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.time.CareZone;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.engine.ConflictResolver;
import fr.relais.sync.engine.SyncEngine;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncReport;
import fr.relais.sync.engine.SyncSettings;
import fr.relais.sync.engine.SyncStatus;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;

/**
 * The Sync screen and the status bar's sync facts: state, last success, pending changes, open conflicts; run now with
 * progress and cancel; the conflict inbox with a choice per field. The sync runs on the background executor, which
 * also carries its progress back to the FX thread.
 */
public final class SyncViewModel {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    private final SyncModule sync;
    private final ConflictSubjectText subjects;
    private final CareTeamService careTeam;
    private final BackgroundExecutor executor;
    private final Localization texts;
    private final Language language;

    private final StringProperty server = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unreadTitle = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyListWrapper<String> unread =
            new javafx.beans.property.ReadOnlyListWrapper<>(javafx.collections.FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyListWrapper<ConflictRow> conflicts = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyListWrapper<String> history = new ReadOnlyListWrapper<>(FXCollections.observableArrayList());
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final Map<String, String> settings;
    /** The Pro Santé Connect session's token after a PSC sign-in (renewed as it expires), null otherwise. */
    private final java.util.function.Supplier<String> pscBearer;
    private final fr.relais.sync.engine.RetryPolicy retries;
    /** The change listener and fallback poll while the workstation listens to its team server (null: not listening). */
    private volatile fr.relais.sync.live.LiveSync live;

    /**
     * {@code sync}: the engine, the conflict resolver and the local status, as the composition root built them;
     * {@code subjects} and {@code careTeam} word a conflict; {@code settings}: the workstation's (server, team,
     * authentication), as WorkstationSettings resolves them; {@code retries}: how the sync retries a server that does
     * not answer, as the composition root chose (the launcher {@code RetryPolicy.DEFAULT}, as for {@code relais sync}).
     */
    public SyncViewModel(SyncModule sync, ConflictSubjectText subjects, CareTeamService careTeam, BackgroundExecutor executor,
                         Localization texts, Language language, Map<String, String> settings, fr.relais.sync.engine.RetryPolicy retries) {
        this(sync, subjects, careTeam, executor, texts, language, settings, retries, null);
    }

    /**
     * As above; signed in with Pro Santé Connect, {@code pscBearer} (the session's token, renewed as it expires) is the
     * sync's credential instead of the token file or password of the settings, as for the CLI.
     */
    public SyncViewModel(SyncModule sync, ConflictSubjectText subjects, CareTeamService careTeam, BackgroundExecutor executor,
                         Localization texts, Language language, Map<String, String> settings, fr.relais.sync.engine.RetryPolicy retries,
                         java.util.function.Supplier<String> pscBearer) {
        this.pscBearer = pscBearer;
        this.sync = sync;
        this.subjects = subjects;
        this.careTeam = careTeam;
        this.executor = executor;
        this.texts = texts;
        this.language = language;
        this.settings = Map.copyOf(settings);
        this.retries = retries;
        server.set(settings.getOrDefault(SyncSettings.SERVER_VARIABLE, ""));
    }

    private final java.util.concurrent.atomic.AtomicBoolean refreshAsked = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * A local change was committed (a PHQ-9 saved, an alert taken into account...), on any thread: the status line's
     * count of changes to send is read again, once for a burst of changes. The composition root subscribes this to
     * the store's outbox.
     */
    public void localChangeRecorded() {
        if (refreshAsked.compareAndSet(false, true)) {
            executor.onUiThread(() -> {
                refreshAsked.set(false);
                refresh();
            });
        }
    }

    /** Reads the status and the inbox (no network). */
    public void refresh() {
        fr.relais.sync.live.LiveSync listening = live;
        boolean isRunning = running.get();
        executor.submit(() -> new Snapshot(listening == null ? sync.status(isRunning) : listening.status(sync.status(isRunning)), sync.stores().conflicts().list(true).stream()
                .map(this::row).toList(), sync.stores().syncRuns().recent(10)), this::show, this::failed);
    }

    /**
     * A refusal by the server reads in French with the server's words, never its JSON; keeping "here" sends it again,
     * keeping "the server" gives up the local change.
     */
    private ConflictRow row(fr.relais.core.replication.Conflict c) {
        return new ConflictRow(c.id(), subjects.record(c, texts), ConflictSubjectText.field(c, texts),
                fr.relais.app.wording.ConflictValueText.base(c, careTeam, texts),
                fr.relais.app.wording.ConflictValueText.local(c, careTeam, texts),
                fr.relais.app.wording.ConflictValueText.remote(c, careTeam, texts));
    }

    public void syncNow() {
        if (running.get()) {
            return;
        }
        String url = server.get() == null ? "" : server.get().trim();
        if (url.isEmpty()) {
            message.set(texts.text("sync.needServer"));
            return;
        }
        cancel.set(false);
        running.set(true);
        message.set("");
        progress.set(texts.text("sync.starting"));
        state.set(SyncStatus.State.SYNCING.name());
        executor.submit(() -> sync.engine().run(syncSettings(url), SyncEngine.Mode.BOTH,
                (phase, done) -> executor.onUiThread(() -> progress.set(fr.relais.app.wording.SyncPhaseText.of(phase, done, texts))), cancel::get), report -> {
                    running.set(false);
                    progress.set("");
                    message.set(texts.text("sync.summary", texts.text("sync.run." + report.status()), report.pulled(), report.pushed(), report.merged(),
                            report.conflicts(), report.openConflicts(), report.pending())
                            + (report.skipped().isEmpty() ? "" : " " + texts.text("sync.skippedCount", report.skipped().size()))
                            + (report.refused() > 0 ? " " + texts.text("sync.refusals", report.refused()) : ""));
                    refresh();
                }, failure -> {
                    running.set(false);
                    progress.set("");
                    failed(failure);
                    refresh();
                });
    }

    private SyncSettings.Auth auth() {
        return pscBearer != null ? new SyncSettings.Auth.Renewed(pscBearer) : SyncSettings.authFrom(settings, null);
    }

    /** The workstation's sync settings for the server at {@code url}, as a run and the change listener use them. */
    private SyncSettings syncSettings(String url) {
        return sync.scoped(retries.applyTo(SyncSettings.of(url, settings.get(SyncSettings.TEAM_VARIABLE), auth())
                .withTrustStoreFrom(settings).withPushBatchFrom(settings).withFirstSyncExportFrom(settings)), settings, null).withIppFrom(settings);
    }

    /**
     * Listens to the team server's changes (issue 27, docs/sync.md "Pousser plutôt qu'interroger"): each change of the
     * team is pulled at once, with a poll every {@code pollEvery} as the fallback; the status says "à jour" only while
     * the server's change socket is open. Nothing without a server, or when the settings are not complete (the
     * "Synchroniser" button says why). Called once by the composition root; {@link #close} stops it.
     */
    public void listen(java.time.Duration pollEvery) {
        String url = server.get() == null ? "" : server.get().trim();
        if (url.isEmpty() || live != null) {
            return;
        }
        executor.submit(() -> sync.listen(syncSettings(url), pollEvery,
                        report -> executor.onUiThread(this::refresh)),
                started -> {
                    live = started;
                    refresh();
                }, failure -> { });
    }

    /** Stops listening (the window closes). */
    public void close() {
        fr.relais.sync.live.LiveSync listening = live;
        live = null;
        if (listening != null) {
            listening.close();
        }
    }

    public void cancel() {
        cancel.set(true);
    }

    public void resolve(ConflictRow row, ConflictResolver.Choice choice) {
        executor.submit(() -> sync.conflictResolver().resolve(row.id(), choice), resolved -> refresh(), this::failed);
    }

    private void show(Snapshot s) {
        state.set(s.status().state().name());
        // Never a blank for a sync that never succeeded (it read « dernière réussite : — — »): said in words.
        String state = texts.text("sync.state." + s.status().state().name());
        statusLine.set(s.status().lastSuccess() == null
                ? texts.text("sync.statusbarNeverSucceeded", state, s.status().pending(), s.status().openConflicts())
                : texts.text("sync.statusbar", state, AT.format(s.status().lastSuccess()), s.status().pending(), s.status().openConflicts()));
        conflicts.setAll(s.conflicts());
        unread.setAll(s.status().unreadReasons().stream().map(g -> texts.text("sync.unreadReason", g.count(), g.reason()).strip()).toList());
        unreadTitle.set(s.status().unread() == 0 ? "" : texts.text("sync.unread", s.status().unread()));
        history.setAll(s.runs().stream().map(r -> texts.text("sync.historyLine", AT.format(r.startedAt()), texts.text("sync.run." + r.status()), r.pulled(), r.pushed(),
                r.conflicts(), r.message() == null ? "" : r.message())).toList());
    }

    private void failed(Throwable failure) {
        if (failure instanceof SyncFailedException e) {
            message.set(e.detail().message(language));
        } else if (failure instanceof fr.relais.core.error.BadInputException refused) {
            // A setting the sync needs (the IPP OID...): its French reason, never the exception's name.
            message.set(refused.message(language));
        } else {
            message.set(texts.text("error.unexpected"));
        }
    }

    private record Snapshot(SyncStatus status, List<ConflictRow> conflicts, List<fr.relais.core.replication.SyncRunLog.Run> runs) {
    }

    public StringProperty serverProperty() {
        return server;
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** "Hors ligne — dernière synchronisation … — 3 en attente — conflits à trancher : 1" for the status bar. */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    /** "2 enregistrement(s) du serveur pas encore lu(s)…", empty when none is kept unread. */
    public ReadOnlyStringProperty unreadTitleProperty() {
        return unreadTitle.getReadOnlyProperty();
    }

    /** The reasons records are kept unread, each with how many: "1 : tâche adressée à un groupe de patients…". */
    public ReadOnlyListProperty<String> unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The last syncs, newest first: when, outcome, how many records each way, conflicts, the failure if any. */
    public ReadOnlyListProperty<String> historyProperty() {
        return history.getReadOnlyProperty();
    }

    public ReadOnlyListProperty<ConflictRow> conflictsProperty() {
        return conflicts.getReadOnlyProperty();
    }
}
