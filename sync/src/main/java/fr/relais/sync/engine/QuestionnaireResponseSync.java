package fr.relais.sync.engine;

import fr.relais.core.identity.PatientService;
import fr.relais.core.questionnaire.ForeignResponses;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.replication.SyncLink;
import fr.relais.sync.fhir.QuestionnaireResponseMapper;
import fr.relais.core.questionnaire.QuestionnaireScoring;
import fr.relais.core.questionnaire.ScoreResult;
import fr.relais.sync.fhir.ForeignQuestionnaires;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Questionnaire responses (PHQ-9, GAD-7... answered on the phone or on paper): append-only like measures, so they never
 * conflict; entered-in-error on either side wins. Each workstation judges the answers it receives with its own alert
 * rules; the score travels as its own Observation. Responses to questionnaires Relais does not ship are kept as
 * answered for the patient file ({@link fr.relais.core.questionnaire.ForeignResponses}), never sent back.
 */
final class QuestionnaireResponseSync implements RecordSync<QuestionnaireResponse> {
    private final PatientService patients;
    private final QuestionnaireService questionnaires;
    private final ForeignResponses foreignResponses;

    QuestionnaireResponseSync(PatientService patients, QuestionnaireService questionnaires, ForeignResponses foreignResponses) {
        this.patients = patients;
        this.questionnaires = questionnaires;
        this.foreignResponses = foreignResponses;
    }

    @Override
    public String recordType() {
        return QuestionnaireService.RECORD;
    }

    @Override
    public Class<QuestionnaireResponse> resourceClass() {
        return QuestionnaireResponse.class;
    }

    @Override
    public UUID patientOf(UUID localId) {
        return questionnaires.find(localId).map(s -> s.response().patientId()).orElse(null);
    }

    @Override
    public Outcome apply(QuestionnaireResponse remote, UUID localId, Optional<SyncLink> link, String origin) {
        if (!QuestionnaireResponseMapper.isRelais(remote) && ForeignQuestionnaires.builtInFor(remote.getQuestionnaire(), builtIns()).isEmpty()) {
            return unknownQuestionnaire(remote, localId, origin);
        }
        var incoming = QuestionnaireResponseMapper.isRelais(remote) ? QuestionnaireResponseMapper.toLocal(remote, origin) : foreign(remote, origin);
        var before = questionnaires.find(localId);
        boolean inError = QuestionnaireResponseMapper.enteredInError(remote);
        if (before.isPresent() && wrongOnlyByTheServer(before.get()) && !inError) {
            // Back on the server as completed after the deletion or the other tool's own "entered in error": it counts
            // again here, and what it raised is raised again. A response a person marked wrong is never brought back.
            return questionnaires.applyRestored(localId, origin) ? Outcome.UPDATED : Outcome.UNCHANGED;
        }
        questionnaires.applySynced(incoming, inError, QuestionnaireResponseMapper.errorReason(remote), origin);
        if (before.isEmpty()) {
            return Outcome.CREATED;
        }
        return inError && !before.get().enteredInError() ? Outcome.UPDATED : Outcome.UNCHANGED;
    }

    @Override
    public boolean followsDeletions() {
        return true;
    }

    /**
     * A deleted response is answers that no longer stand, as a deleted Observation is a value that no longer stands:
     * taken as entered in error on the server, through the same path (its answer and score alerts withdrawn), kept
     * and shown struck out. A response to a questionnaire Relais does not ship, never judged, stays as last read.
     */
    @Override
    public void applyDeletion(UUID localId, String origin) {
        questionnaires.find(localId).filter(stored -> !stored.enteredInError())
                .ifPresent(stored -> questionnaires.applySynced(stored.response(), true, MeasureSync.DELETED_REASON, origin));
    }

    /**
     * Taken as wrong here only because the server said so: deleted there (the deletion's reason), or entered in error
     * there without a reason (another tool's mark; a person marking a response wrong in Relais always gives one).
     */
    private static boolean wrongOnlyByTheServer(fr.relais.core.questionnaire.QuestionnaireRepository.Stored stored) {
        return stored.enteredInError() && (stored.errorReason() == null || MeasureSync.DELETED_REASON.equals(stored.errorReason()));
    }

    private List<String> builtIns() {
        return questionnaires.list().stream().map(fr.relais.core.questionnaire.Questionnaire::id).toList();
    }

    /**
     * A response to a questionnaire Relais does not ship: kept as answered, for the patient file (not scored, never sent
     * back). One whose patient is not held here is kept unread until the patient arrives.
     */
    private Outcome unknownQuestionnaire(QuestionnaireResponse remote, UUID localId, String origin) {
        var subject = remote.getSubject().getReferenceElement();
        if (!"Patient".equals(subject.getResourceType()) || !subject.hasIdPart()) {
            throw new fr.relais.core.error.BadInputException(origin, "fhir.questionnaireUnknown");
        }
        UUID patient = fr.relais.sync.fhir.ObservationMapper.localId(subject.getIdPart());
        if (patients.find(patient).isEmpty()) {
            throw new fr.relais.core.error.BadInputException(origin, "fhir.patientNotHeld");
        }
        return foreignResponses.applySynced(ForeignQuestionnaires.unscored(remote, localId, patient), origin) ? Outcome.CREATED : Outcome.UPDATED;
    }

    /**
     * A response another tool wrote for one of this workstation's questionnaires (a LOINC PHQ-9, a canonical URL naming
     * the WHO-5): read in the questionnaire's order and scored here, as the tool did not say the score Relais's way.
     */
    private fr.relais.core.questionnaire.QuestionnaireResponse foreign(QuestionnaireResponse remote, String origin) {
        List<String> known = builtIns();
        String id = ForeignQuestionnaires.builtInFor(remote.getQuestionnaire(), known)
                .orElseThrow(() -> new fr.relais.core.error.BadInputException(origin, "fhir.questionnaireUnknown"));
        var questionnaire = questionnaires.get(id);
        var read = QuestionnaireResponseMapper.toLocal(remote, origin, id, questionnaire.version());
        if (read.score() != null) {
            return read;
        }
        ScoreResult result = QuestionnaireScoring.score(questionnaire, read.answers());
        return new fr.relais.core.questionnaire.QuestionnaireResponse(read.id(), read.patientId(), id, questionnaire.version(),
                read.answers(), read.authoredAt(), result.computable() ? result.score() : null,
                result.band() == null ? null : result.band().label().in(fr.relais.core.i18n.Language.FR), null, read.recordedBy());
    }

    @Override
    public QuestionnaireResponse build(UUID localId, Optional<SyncLink> link) {
        var stored = questionnaires.find(localId).orElseThrow();
        QuestionnaireResponse written = QuestionnaireResponseMapper.toFhir(stored.response(), stored.enteredInError(), stored.errorReason());
        if (link.isEmpty()) {
            return written;
        }
        // Append-only: the only change Relais makes to a response it received is marking it entered in error; the
        // server's copy is edited so that everything else in it stays as it was.
        QuestionnaireResponse base = base(link).orElseThrow();
        base.setStatus(written.getStatus());
        written.getExtension().stream().filter(e -> base.getExtensionByUrl(e.getUrl()) == null).forEach(e -> base.addExtension(e.copy()));
        return base;
    }
}
