package fr.relais.app.wording;

import fr.relais.core.i18n.Localization;

/**
 * A progress line of the sync as a nurse reads it ("Patients reçus : 3", "Envoyés : 12"), never the engine's phase
 * names ("pull Patient"): the engine reports {@code scope}, {@code pull <FHIR type>}, {@code push} and
 * {@code push AuditEvent}; each has its words in the bundle ({@code sync.phase.*}), a type without its own words reads
 * as "Autres enregistrements reçus".
 */
public final class SyncPhaseText {
    private static final String PULL = "pull ";

    private SyncPhaseText() {
    }

    public static String of(String phase, int done, Localization texts) {
        String key;
        if (phase.startsWith(PULL)) {
            key = "sync.phase.pull." + phase.substring(PULL.length());
            if (!texts.has(key)) {
                key = "sync.phase.pull.other";
            }
        } else {
            key = "sync.phase." + phase.replace(' ', '.');
            if (!texts.has(key)) {
                key = "sync.phase.other";
            }
        }
        return texts.text("sync.progress", texts.text(key), done);
    }
}
