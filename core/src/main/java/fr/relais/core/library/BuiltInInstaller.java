package fr.relais.core.library;

import fr.relais.core.pathway.PathwayService;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.store.Database;
import fr.relais.core.store.StoreMeta;

/**
 * Brings a store's built-in pathways and questionnaires up to a build's {@link BuiltInLibrary} when it opens. The store
 * remembers the fingerprint of the last library installed in it ({@code store_meta}); a store that holds this build's
 * fingerprint already has every one of its built-ins, so nothing is parsed or read back (one look-up). Any other store
 * (new, made by an older build, or last opened by a build shipping other files) is installed as before: each built-in
 * version the store lacks is added, and a version already there (built-in, imported or received from the team) is
 * left as it is. The fingerprint is written in the same transaction as what it vouches for.
 */
public final class BuiltInInstaller {
    /** The {@code store_meta} key of the fingerprint of the library last installed. */
    public static final String FINGERPRINT = "builtins.fingerprint";

    private final Database database;
    private final PathwayService pathways;
    private final QuestionnaireService questionnaires;
    private final BuiltInLibrary library;

    public BuiltInInstaller(Database database, PathwayService pathways, QuestionnaireService questionnaires,
                            BuiltInLibrary library) {
        this.database = database;
        this.pathways = pathways;
        this.questionnaires = questionnaires;
        this.library = library;
    }

    /** How many built-in versions this store received (0 when it held this library already). */
    public int install() {
        StoreMeta meta = database.meta();
        if (meta.get(FINGERPRINT).filter(library.fingerprint()::equals).isPresent()) {
            return 0;
        }
        return database.inTransaction(() -> {
            int installed = pathways.installBuiltIns(library.templates()) + questionnaires.installBuiltIns(library.questionnaires());
            meta.put(FINGERPRINT, library.fingerprint());
            return installed;
        });
    }
}
