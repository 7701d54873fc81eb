package fr.relais.core.questionnaire;

import static fr.relais.core.store.schema.Tables.FOREIGN_RESPONSE;
import static fr.relais.core.store.schema.Tables.FOREIGN_RESPONSE_ANSWER;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
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

    public ForeignResponses(DSLContext dsl, AuditLog audit, UserSession session) {
        this.dsl = dsl;
        this.audit = audit;
        this.session = session;
    }

    /** Keeps a response as the server holds it now (the caller's transaction); returns whether it was new here. */
    public boolean applySynced(ForeignResponse r, String origin) {
        boolean known = find(r.id()).isPresent();
        dsl.deleteFrom(FOREIGN_RESPONSE_ANSWER).where(FOREIGN_RESPONSE_ANSWER.RESPONSE_ID.eq(r.id())).execute();
        dsl.deleteFrom(FOREIGN_RESPONSE).where(FOREIGN_RESPONSE.ID.eq(r.id())).execute();
        dsl.insertInto(FOREIGN_RESPONSE).set(FOREIGN_RESPONSE.ID, r.id()).set(FOREIGN_RESPONSE.PATIENT_ID, r.patientId())
                .set(FOREIGN_RESPONSE.QUESTIONNAIRE, r.questionnaire()).set(FOREIGN_RESPONSE.AUTHORED_AT, r.authoredAt())
                .set(FOREIGN_RESPONSE.AUTHOR, r.author()).set(FOREIGN_RESPONSE.STATUS, r.status()).execute();
        for (int i = 0; i < r.answers().size(); i++) {
            dsl.insertInto(FOREIGN_RESPONSE_ANSWER).set(FOREIGN_RESPONSE_ANSWER.RESPONSE_ID, r.id())
                    .set(FOREIGN_RESPONSE_ANSWER.POSITION, i).set(FOREIGN_RESPONSE_ANSWER.QUESTION, r.answers().get(i).question())
                    .set(FOREIGN_RESPONSE_ANSWER.ANSWER, r.answers().get(i).answer()).execute();
        }
        audit.record("questionnaire.foreign.sync", "QuestionnaireResponse", r.id(), r.patientId(), origin);
        return !known;
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
