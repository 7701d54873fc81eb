package fr.relais.core.questionnaire;

import static fr.relais.core.store.schema.Tables.QUESTIONNAIRE;
import static fr.relais.core.store.schema.Tables.QUESTIONNAIRE_RESPONSE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.core.pathway.TemplateOrigin;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Questionnaire definitions and responses in the store. */
public final class QuestionnaireRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DSLContext dsl;

    public QuestionnaireRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(QuestionnaireParser.Parsed parsed, TemplateOrigin origin, Instant at) {
        dsl.insertInto(QUESTIONNAIRE)
                .set(QUESTIONNAIRE.ID, parsed.questionnaire().id())
                .set(QUESTIONNAIRE.VERSION, parsed.questionnaire().version())
                .set(QUESTIONNAIRE.DEFINITION, parsed.json())
                .set(QUESTIONNAIRE.ORIGIN, origin.name())
                .set(QUESTIONNAIRE.IMPORTED_AT, at)
                .execute();
    }

    public Optional<Questionnaire> find(String id, int version) {
        return dsl.select(QUESTIONNAIRE.DEFINITION).from(QUESTIONNAIRE)
                .where(QUESTIONNAIRE.ID.eq(id).and(QUESTIONNAIRE.VERSION.eq(version)))
                .fetchOptional(r -> QuestionnaireParser.parse(id, r.value1()).questionnaire());
    }

    /** The latest version, matching the id without regard to case ("phq-9" finds PHQ-9). */
    public Optional<Questionnaire> latest(String id) {
        return dsl.select(QUESTIONNAIRE.ID, QUESTIONNAIRE.DEFINITION).from(QUESTIONNAIRE)
                .where(QUESTIONNAIRE.ID.equalIgnoreCase(id)).orderBy(QUESTIONNAIRE.VERSION.desc()).limit(1)
                .fetchOptional(r -> QuestionnaireParser.parse(r.value1(), r.value2()).questionnaire());
    }

    /** Every version held, with its canonical JSON and where it came from. */
    public List<Definition> definitions() {
        return dsl.select(QUESTIONNAIRE.ID, QUESTIONNAIRE.DEFINITION, QUESTIONNAIRE.ORIGIN).from(QUESTIONNAIRE)
                .orderBy(QUESTIONNAIRE.ID, QUESTIONNAIRE.VERSION)
                .fetch(r -> new Definition(QuestionnaireParser.parse(r.value1(), r.value2()).questionnaire(), r.value2(),
                        TemplateOrigin.valueOf(r.value3())));
    }

    /** A questionnaire version as the store holds it. */
    public record Definition(Questionnaire questionnaire, String json, TemplateOrigin origin) {
    }

    /** The latest version of each questionnaire. */
    public List<Questionnaire> latestOfEach() {
        return dsl.select(QUESTIONNAIRE.ID).from(QUESTIONNAIRE).groupBy(QUESTIONNAIRE.ID).orderBy(QUESTIONNAIRE.ID)
                .fetch(r -> latest(r.value1()).orElseThrow());
    }

    public void insertResponse(QuestionnaireResponse r, Instant at) {
        dsl.insertInto(QUESTIONNAIRE_RESPONSE)
                .set(QUESTIONNAIRE_RESPONSE.ID, r.id())
                .set(QUESTIONNAIRE_RESPONSE.PATIENT_ID, r.patientId())
                .set(QUESTIONNAIRE_RESPONSE.QUESTIONNAIRE_ID, r.questionnaireId())
                .set(QUESTIONNAIRE_RESPONSE.QUESTIONNAIRE_VERSION, r.questionnaireVersion())
                .set(QUESTIONNAIRE_RESPONSE.ANSWERS, json(r.answers()))
                .set(QUESTIONNAIRE_RESPONSE.AUTHORED_AT, r.authoredAt())
                .set(QUESTIONNAIRE_RESPONSE.SCORE, r.score() == null ? null : r.score().toPlainString())
                .set(QUESTIONNAIRE_RESPONSE.BAND, r.band())
                .set(QUESTIONNAIRE_RESPONSE.SCORE_MEASURE_ID, r.scoreMeasureId())
                .set(QUESTIONNAIRE_RESPONSE.RECORDED_BY, r.recordedBy())
                .set(QUESTIONNAIRE_RESPONSE.CREATED_AT, at)
                .execute();
    }

    /** A patient's valid responses (entered-in-error ones left out), oldest first. */
    public List<QuestionnaireResponse> responses(UUID patientId, String questionnaireId) {
        var condition = QUESTIONNAIRE_RESPONSE.PATIENT_ID.eq(patientId).and(QUESTIONNAIRE_RESPONSE.STATUS.eq(COMPLETED));
        if (questionnaireId != null) {
            condition = condition.and(QUESTIONNAIRE_RESPONSE.QUESTIONNAIRE_ID.eq(questionnaireId));
        }
        return dsl.selectFrom(QUESTIONNAIRE_RESPONSE).where(condition).orderBy(QUESTIONNAIRE_RESPONSE.AUTHORED_AT)
                .fetch(QuestionnaireRepository::toResponse);
    }

    /** A valid response by id (empty when unknown or already entered in error). */
    public java.util.Optional<QuestionnaireResponse> findValid(UUID id) {
        return dsl.selectFrom(QUESTIONNAIRE_RESPONSE).where(QUESTIONNAIRE_RESPONSE.ID.eq(id)
                .and(QUESTIONNAIRE_RESPONSE.STATUS.eq(COMPLETED))).fetchOptional(QuestionnaireRepository::toResponse);
    }

    /** A response by id, whatever its status, with its error reason when entered in error. */
    public java.util.Optional<Stored> find(UUID id) {
        return dsl.selectFrom(QUESTIONNAIRE_RESPONSE).where(QUESTIONNAIRE_RESPONSE.ID.eq(id))
                .fetchOptional(r -> new Stored(toResponse(r), !COMPLETED.equals(r.getStatus()), r.getErrorReason()));
    }

    /** A stored response, entered in error or not. */
    public record Stored(QuestionnaireResponse response, boolean enteredInError, String errorReason) {
    }

    public boolean exists(UUID id) {
        return dsl.fetchExists(QUESTIONNAIRE_RESPONSE, QUESTIONNAIRE_RESPONSE.ID.eq(id));
    }

    public void markEnteredInError(UUID id, String reason) {
        dsl.update(QUESTIONNAIRE_RESPONSE).set(QUESTIONNAIRE_RESPONSE.STATUS, "ENTERED_IN_ERROR")
                .set(QUESTIONNAIRE_RESPONSE.ERROR_REASON, reason).where(QUESTIONNAIRE_RESPONSE.ID.eq(id)).execute();
    }

    /** A response taken as wrong that stands again (restored on the server): completed, with no reason; 0 when it was not wrong. */
    public int restore(UUID id) {
        return dsl.update(QUESTIONNAIRE_RESPONSE).set(QUESTIONNAIRE_RESPONSE.STATUS, COMPLETED)
                .set(QUESTIONNAIRE_RESPONSE.ERROR_REASON, (String) null)
                .where(QUESTIONNAIRE_RESPONSE.ID.eq(id).and(QUESTIONNAIRE_RESPONSE.STATUS.eq("ENTERED_IN_ERROR"))).execute();
    }

    private static final String COMPLETED = "COMPLETED";

    private static QuestionnaireResponse toResponse(fr.relais.core.store.schema.tables.records.QuestionnaireResponseRecord r) {
        return new QuestionnaireResponse(r.getId(), r.getPatientId(),
                r.getQuestionnaireId(), r.getQuestionnaireVersion(), answers(r.getAnswers()),
                r.getAuthoredAt(), r.getScore() == null ? null : new BigDecimal(r.getScore()),
                r.getBand(), r.getScoreMeasureId(), r.getRecordedBy());
    }

    private static String json(List<Integer> answers) {
        try {
            return JSON.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> answers(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored answers are not JSON", e);
        }
    }
}
