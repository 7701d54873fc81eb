package fr.relais.sync.engine;

/** Progress of a running sync, for the command line and the Sync screen: the phase and how many records so far. */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (phase, done) -> { };

    void update(String phase, int done);
}
