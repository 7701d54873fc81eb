package fr.relais.app.composition;

import fr.relais.app.wording.ConflictSubjectText;
import fr.relais.core.RelaisCore;
import fr.relais.sync.composition.SyncModule;

/**
 * The application's services over one open store: the core's graph and the sync built on it ({@link SyncModule}),
 * plus what the front ends share (the wording of a conflict's subject). The command line builds one per command, the
 * desktop one per window, and each hands its commands and view models the few collaborators they use; nothing outside
 * the composition builds a sync service. It depends on no front end (the desktop and the command line depend on it).
 */
public final class AppServices {
    private final RelaisCore core;
    private final SyncModule sync;
    private final ConflictSubjectText conflictSubjects;

    public AppServices(RelaisCore core) {
        this.core = core;
        this.sync = new SyncModule(core);
        this.conflictSubjects = new ConflictSubjectText(core.patients(), core.tasks(), core.measures(), core.alertQueries(),
                core.enrollments(), core.consents());
    }

    public SyncModule sync() {
        return sync;
    }

    public ConflictSubjectText conflictSubjects() {
        return conflictSubjects;
    }
}
