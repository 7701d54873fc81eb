package fr.relais.sync.engine;

/**
 * Progress of a running sync, for the command line and the Sync screen: the phase and how many records so far. Phases
 * are keys, never shown as is: {@code scope} (patients in the care teams' scope), {@code pull <FHIR type>} (records of
 * that type received so far), {@code push} (records sent so far), {@code push AuditEvent}.
 */
@FunctionalInterface
public interface SyncProgress {
    SyncProgress NONE = (phase, done) -> { };

    void update(String phase, int done);
}
