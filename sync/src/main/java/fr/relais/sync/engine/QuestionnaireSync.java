package fr.relais.sync.engine;

import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.replication.SyncState;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.sync.fhir.QuestionnaireMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.util.List;
import org.hl7.fhir.r4.model.Questionnaire;

/**
 * Questionnaires an administrator imported (the team's own PROMs), so that a response to one of them, or a pathway
 * step asking for it, finds its definition on every laptop. Pulled before the responses.
 */
final class QuestionnaireSync extends LibrarySync<Questionnaire> {
    static final String RECORD = "Questionnaire";

    private final QuestionnaireService questionnaires;

    QuestionnaireSync(SyncState syncState, QuestionnaireService questionnaires) {
        super(syncState, RECORD, Questionnaire.class, "questionnaire", RelaisFhir.QUESTIONNAIRE_SYSTEM);
        this.questionnaires = questionnaires;
    }

    @Override
    List<Version> versions() {
        return questionnaires.definitions().stream().map(d -> new Version(d.questionnaire().id(), d.questionnaire().version(),
                d.json(), d.origin() == TemplateOrigin.IMPORTED)).toList();
    }

    @Override
    Questionnaire toFhir(Version v) {
        // The canonical JSON was validated when stored: read it back rather than query the library again.
        return QuestionnaireMapper.toFhir(fr.relais.core.questionnaire.QuestionnaireParser.parse(v.id(), v.json()).questionnaire(), v.json());
    }

    @Override
    boolean importReceived(String origin, Questionnaire remote) {
        return questionnaires.applySynced(origin, QuestionnaireMapper.toAuthoringJson(origin, remote));
    }
}
