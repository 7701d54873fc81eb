package fr.relais.core.questionnaire;

import fr.relais.core.replication.RecordKind;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.alert.AnswerAlerts;
import fr.relais.core.alert.AnswerFinding;
import fr.relais.core.alert.ScoreFinding;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.i18n.Language;
import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureService;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.core.replication.Outbox;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Questionnaires and responses: a response is scored with the published rules, stored, and its score (when
 * computable and the questionnaire has a LOINC score code) recorded as a measure derived from it; answers significant on
 * their own (PHQ-9 item 9) raise patient-level alerts in the same transaction.
 */
public final class QuestionnaireService {
    /** The outbox kind of a questionnaire response shared with the team server. */
    public static final String RECORD = RecordKind.QUESTIONNAIRE_RESPONSE;
    private final Database database;
    private final QuestionnaireRepository repository;
    private final PatientService patients;
    private final MeasureService measures;
    private final AnswerAlerts alerts;
    private final AuditLog audit;
    private final UserSession session;
    private final Outbox outbox;
    private final Clock clock;

    public QuestionnaireService(Database database, QuestionnaireRepository repository, PatientService patients,
                                MeasureService measures, AnswerAlerts alerts, AuditLog audit, UserSession session, Clock clock,
                                Outbox outbox) {
        this.outbox = outbox;
        this.database = database;
        this.repository = repository;
        this.patients = patients;
        this.measures = measures;
        this.alerts = alerts;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
    }

    /** Installs those of {@code builtIns} this store does not have yet (same id and version); the others are left. */
    public int installBuiltIns(List<QuestionnaireParser.Parsed> builtIns) {
        return database.inTransaction(() -> {
            int installed = 0;
            for (QuestionnaireParser.Parsed parsed : builtIns) {
                if (repository.find(parsed.questionnaire().id(), parsed.questionnaire().version()).isEmpty()) {
                    repository.insert(parsed, TemplateOrigin.BUILTIN, clock.instant());
                    installed++;
                }
            }
            return installed;
        });
    }

    /** Imports an administrator's questionnaire; the same version with other content is refused. */
    public Questionnaire importDefinition(String source, String json) {
        session.require(Permission.PATHWAY_EDIT);
        QuestionnaireParser.Parsed parsed = QuestionnaireParser.parse(source, json);
        store(source, parsed, "questionnaire.import");
        return parsed.questionnaire();
    }

    /**
     * Imports a questionnaire received from the team's server, where an administrator imported it: validated like a
     * file; the same version with other content is refused. True when it was new here.
     */
    public boolean applySynced(String source, String json) {
        return store(source, QuestionnaireParser.parse(source, json), "questionnaire.sync");
    }

    /** Every version this workstation holds (the sync sends the imported ones to the team). */
    public List<QuestionnaireRepository.Definition> definitions() {
        return repository.definitions();
    }

    private boolean store(String source, QuestionnaireParser.Parsed parsed, String auditAction) {
        Questionnaire q = parsed.questionnaire();
        return database.inTransaction(() -> {
            var existing = repository.find(q.id(), q.version());
            if (existing.isPresent()) {
                if (!existing.get().equals(q)) {
                    throw new BadInputException(source, "questionnaire.versionExists", q.id(), q.version());
                }
                return false;
            }
            repository.insert(parsed, TemplateOrigin.IMPORTED, clock.instant());
            audit.record(auditAction, "Questionnaire", q.id() + " v" + q.version(), null, null);
            return true;
        });
    }

    public List<Questionnaire> list() {
        return repository.latestOfEach();
    }

    public Questionnaire get(String id) {
        return repository.latest(id).orElseThrow(() -> new NotFoundException("questionnaire", NotFoundException.What.QUESTIONNAIRE, id));
    }

    /** Records answers given by the patient (on paper, by phone, in an app) and scores them. */
    public Answered answer(UUID patientId, String questionnaireId, List<Integer> answers, Instant authoredAt) {
        session.require(Permission.CLINICAL_WRITE);
        return database.inTransaction(() -> {
            patients.get(patientId);
            Questionnaire q = get(questionnaireId);
            QuestionnaireScoring.requireSafetyItems(q, answers);
            ScoreResult result = QuestionnaireScoring.score(q, answers);
            Instant at = authoredAt == null ? clock.instant() : authoredAt;
            Measure scoreMeasure = null;
            if (result.computable() && q.scoreCode() != null) {
                scoreMeasure = measures.record(new NewMeasure(patientId, q.scoreCode(), result.score().toPlainString(),
                        "{score}", at, MeasureSource.PATIENT_REPORTED));
            }
            QuestionnaireResponse response = new QuestionnaireResponse(UUID.randomUUID(), patientId, q.id(), q.version(),
                    answers, at, result.score(), result.band() == null ? null : result.band().label().in(Language.FR),
                    scoreMeasure == null ? null : scoreMeasure.id(), session.actor().userId());
            repository.insertResponse(response, clock.instant());
            judge(q, result, patientId, response.id(), at);
            audit.record("questionnaire.answer", "QuestionnaireResponse", response.id(), patientId, q.id());
            outbox.record(RECORD, response.id());
            return new Answered(response, result, q);
        });
    }

    /**
     * Marks a wrong response (wrong patient, misread paper) entered in error, with a reason: it stays, visibly; its score
     * measure is marked too, and the alerts it raised are withdrawn when nothing else stands behind them.
     */
    public void markEnteredInError(UUID responseId, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        database.inTransaction(() -> {
            QuestionnaireResponse response = repository.findValid(responseId).orElseThrow(() -> repository.exists(responseId)
                    ? new BadInputException("response " + responseId, "questionnaire.alreadyInError")
                    : new NotFoundException("response", NotFoundException.What.QUESTIONNAIRE_RESPONSE, responseId));
            repository.markEnteredInError(responseId, reason);
            if (response.scoreMeasureId() != null) {
                measures.markEnteredInError(response.scoreMeasureId(), reason);
            }
            alerts.responseEnteredInError(responseId, this::findingsOf);
            audit.record("questionnaire.entered-in-error", "QuestionnaireResponse", responseId, response.patientId(), reason);
            outbox.record(RECORD, responseId);
            return null;
        });
    }

    public java.util.Optional<QuestionnaireRepository.Stored> find(UUID responseId) {
        return repository.find(responseId);
    }

    /**
     * Applies a response from the team server (the caller's transaction, outbox suppressed). Responses are
     * append-only: an unknown one is stored and its significant answers judged here like a local one (each workstation
     * raises its own alerts; the score travels as its own Observation); entered-in-error on either side wins. The
     * questionnaire must be in this workstation's library.
     */
    public void applySynced(QuestionnaireResponse incoming, boolean enteredInError, String errorReason, String origin) {
        var stored = repository.find(incoming.id());
        if (stored.isEmpty()) {
            patients.get(incoming.patientId());
            Questionnaire q = repository.find(incoming.questionnaireId(), incoming.questionnaireVersion())
                    .orElseThrow(() -> new BadInputException(origin, "questionnaire.unknown", incoming.questionnaireId()));
            repository.insertResponse(incoming, clock.instant());
            audit.record("questionnaire.sync", "QuestionnaireResponse", incoming.id(), incoming.patientId(), origin);
            if (enteredInError) {
                repository.markEnteredInError(incoming.id(), errorReason);
                return;
            }
            judge(q, QuestionnaireScoring.score(q, incoming.answers()), incoming.patientId(), incoming.id(), incoming.authoredAt());
            return;
        }
        if (enteredInError && !stored.get().enteredInError()) {
            repository.markEnteredInError(incoming.id(), errorReason);
            alerts.responseEnteredInError(incoming.id(), this::findingsOf);
            audit.record("questionnaire.sync.entered-in-error", "QuestionnaireResponse", incoming.id(), incoming.patientId(), origin);
        }
    }

    /**
     * A response this workstation took as wrong only because the server said so (deleted there, or entered in error
     * there without a person's reason), now back on the server as completed (the other tool restored it, or wrote a new
     * version): it counts again, is audited as restored and judged as if it had just arrived, so the alerts its answers
     * and its score raised and its wrong state withdrew are open again ({@link AnswerAlerts}). Whether the server alone
     * made it wrong is the sync's to tell; a response a person marked wrong never comes back this way. False when the
     * response was not wrong here.
     */
    public boolean applyRestored(UUID id, String origin) {
        return database.inTransaction(() -> {
            var stored = repository.find(id).orElseThrow(() -> new NotFoundException("response", NotFoundException.What.QUESTIONNAIRE_RESPONSE, id));
            if (repository.restore(id) == 0) {
                return false;
            }
            QuestionnaireResponse r = stored.response();
            audit.record("questionnaire.sync.restored", "QuestionnaireResponse", id, r.patientId(), origin);
            repository.find(r.questionnaireId(), r.questionnaireVersion())
                    .ifPresent(q -> judge(q, QuestionnaireScoring.score(q, r.answers()), r.patientId(), id, r.authoredAt()));
            return true;
        });
    }

    /** The alerts a scored response raises: its significant answers, then its score against the questionnaire's bands. */
    private void judge(Questionnaire q, ScoreResult result, UUID patientId, UUID responseId, Instant authoredAt) {
        AnswerAlerts.ResponseFindings findings = findings(q, result, patientId, responseId, authoredAt);
        alerts.answered(findings.answers());
        findings.score().ifPresent(alerts::scored);
    }

    /** What a response says to the alert engine: its significant answers and its score (when the questionnaire has bands). */
    private static AnswerAlerts.ResponseFindings findings(Questionnaire q, ScoreResult result, UUID patientId, UUID responseId,
                                                          Instant authoredAt) {
        List<AnswerFinding> answers = result.significant().stream().filter(hit -> hit.level() != AlertLevel.GREEN)
                .map(hit -> new AnswerFinding(patientId, responseId, q.id(), hit.item(), hit.answer(), hit.rule().min(),
                        hit.level(), hit.rule().reason().in(Language.FR), hit.rule().reason().in(Language.EN)))
                .toList();
        java.util.Optional<ScoreFinding> score = result.computable() && q.scoreRule() != null
                ? java.util.Optional.of(new ScoreFinding(patientId, responseId, q.id(), q.scoreCode(), result.score(),
                        result.band() == null ? null : result.band().label().in(Language.FR), q.scoreRule(), authoredAt))
                : java.util.Optional.empty();
        return new AnswerAlerts.ResponseFindings(answers, score);
    }

    /**
     * A stored response judged again from its answers (one still behind an alert when another response is marked
     * wrong: what the alert shows then comes from it); nothing for a response or questionnaire no longer here.
     */
    private AnswerAlerts.ResponseFindings findingsOf(UUID responseId) {
        return repository.find(responseId).filter(stored -> !stored.enteredInError()).map(QuestionnaireRepository.Stored::response)
                .flatMap(r -> repository.find(r.questionnaireId(), r.questionnaireVersion())
                        .map(q -> findings(q, QuestionnaireScoring.score(q, r.answers()), r.patientId(), r.id(), r.authoredAt())))
                .orElseGet(() -> new AnswerAlerts.ResponseFindings(List.of(), java.util.Optional.empty()));
    }

    public List<QuestionnaireResponse> responses(UUID patientId, String questionnaireId) {
        session.require(Permission.CLINICAL_READ);
        return repository.responses(patientId, questionnaireId);
    }

    /** A stored response with its scoring, for display. */
    public record Answered(QuestionnaireResponse response, ScoreResult result, Questionnaire questionnaire) {
    }
}
