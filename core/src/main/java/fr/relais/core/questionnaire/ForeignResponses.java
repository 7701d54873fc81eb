package fr.relais.core.questionnaire;

import static fr.relais.core.store.schema.Tables.FOREIGN_RESPONSE;
import static fr.relais.core.store.schema.Tables.FOREIGN_RESPONSE_ANSWER;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.ReceivedRows;
import fr.relais.core.store.schema.tables.records.ForeignResponseAnswerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Responses to questionnaires Relais does not ship, received from the team server ({@link ForeignResponse}): kept and
 * shown, never scored, never sent back.
 */
public final class ForeignResponses {
    private final DSLContext dsl;
    private final AuditLog audit;
    private final UserSession session;
    private final ReceivedRows received;

    public ForeignResponses(DSLContext dsl, AuditLog audit, UserSession session) {
        this.dsl = dsl;
        this.audit = audit;
        this.session = session;
        this.received = new ReceivedRows(dsl);
    }

    /** Keeps a response as the server holds it now (the caller's transaction); returns whether it was new here. */
    public boolean applySynced(ForeignResponse r, String origin) {
        List<ForeignResponseAnswerRecord> answers = new ArrayList<>();
        for (int i = 0; i < r.answers().size(); i++) {
            answers.add(dsl.newRecord(FOREIGN_RESPONSE_ANSWER).with(FOREIGN_RESPONSE_ANSWER.RESPONSE_ID, r.id())
                    .with(FOREIGN_RESPONSE_ANSWER.POSITION, i).with(FOREIGN_RESPONSE_ANSWER.QUESTION, r.answers().get(i).question())
                    .with(FOREIGN_RESPONSE_ANSWER.ANSWER, r.answers().get(i).answer()));
        }
        boolean isNew = received.replace(dsl.newRecord(FOREIGN_RESPONSE).with(FOREIGN_RESPONSE.ID, r.id())
                .with(FOREIGN_RESPONSE.PATIENT_ID, r.patientId()).with(FOREIGN_RESPONSE.QUESTIONNAIRE, r.questionnaire())
                .with(FOREIGN_RESPONSE.AUTHORED_AT, r.authoredAt()).with(FOREIGN_RESPONSE.AUTHOR, r.author())
                .with(FOREIGN_RESPONSE.STATUS, r.status()), FOREIGN_RESPONSE.ID, FOREIGN_RESPONSE_ANSWER.RESPONSE_ID, answers);
        audit.record("questionnaire.foreign.sync", "QuestionnaireResponse", r.id(), r.patientId(), origin);
        return isNew;
    }

    public Optional<ForeignResponse> find(UUID id) {
        return dsl.selectFrom(FOREIGN_RESPONSE).where(FOREIGN_RESPONSE.ID.eq(id)).fetchOptional().map(this::withAnswers);
    }

    /** A patient's responses to other tools' questionnaires, newest first. */
    public List<ForeignResponse> ofPatient(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return dsl.selectFrom(FOREIGN_RESPONSE).where(FOREIGN_RESPONSE.PATIENT_ID.eq(patientId))
                .orderBy(FOREIGN_RESPONSE.AUTHORED_AT.desc()).fetch(this::withAnswers);
    }

    private ForeignResponse withAnswers(fr.relais.core.store.schema.tables.records.ForeignResponseRecord r) {
        List<ForeignResponse.Answer> answers = dsl.selectFrom(FOREIGN_RESPONSE_ANSWER).where(FOREIGN_RESPONSE_ANSWER.RESPONSE_ID.eq(r.getId()))
                .orderBy(FOREIGN_RESPONSE_ANSWER.POSITION).fetch(a -> new ForeignResponse.Answer(a.getQuestion(), a.getAnswer()));
        return new ForeignResponse(r.getId(), r.getPatientId(), r.getQuestionnaire(),
                r.getAuthoredAt(), r.getAuthor(), r.getStatus(), answers);
    }
}
