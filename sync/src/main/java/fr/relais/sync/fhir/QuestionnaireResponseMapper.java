package fr.relais.sync.fhir;

import fr.relais.core.questionnaire.QuestionnaireResponse;
import java.util.List;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * A questionnaire response → FHIR QuestionnaireResponse: one item per question (linkId = its position, 1-based, as in
 * the questionnaire files), the score and its band in Relais extensions, the score Observation as a derived resource.
 */
public final class QuestionnaireResponseMapper {
    private static final String ERROR_REASON = "questionnaire-response-error-reason";

    private QuestionnaireResponseMapper() {
    }

    /** The canonical of a Relais questionnaire (PHQ-9, GAD-7...): the same code the pathway steps carry. */
    public static String canonical(String questionnaireId) {
        return RelaisFhir.QUESTIONNAIRE_SYSTEM + ":" + questionnaireId;
    }

    /** A response entered in error carries the status and the reason (in a note extension). */
    public static org.hl7.fhir.r4.model.QuestionnaireResponse toFhir(QuestionnaireResponse q, boolean enteredInError, String reason) {
        var r = toFhir(q);
        if (enteredInError) {
            r.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR);
            if (reason != null) {
                r.addExtension(RelaisFhir.extension(ERROR_REASON), new StringType(reason));
            }
        }
        return r;
    }

    /** Whether a FHIR response is entered in error, and why (null when not said). */
    public static boolean enteredInError(org.hl7.fhir.r4.model.QuestionnaireResponse r) {
        return r.getStatus() == org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.ENTEREDINERROR;
    }

    public static String errorReason(org.hl7.fhir.r4.model.QuestionnaireResponse r) {
        var e = r.getExtensionByUrl(RelaisFhir.extension(ERROR_REASON));
        return e == null ? null : e.getValue().primitiveValue();
    }

    /** Whether a response is for a Relais questionnaire (its canonical with the version), as Relais writes them. */
    public static boolean isRelais(org.hl7.fhir.r4.model.QuestionnaireResponse r) {
        return r.getQuestionnaire() != null && r.getQuestionnaire().startsWith(canonical("")) && r.getQuestionnaire().contains("|");
    }

    /**
     * A response another tool wrote for a built-in questionnaire (see {@link ForeignQuestionnaires}), as a local
     * response to {@code version} of it; its score is left to the caller, who has the questionnaire.
     */
    public static QuestionnaireResponse toLocal(org.hl7.fhir.r4.model.QuestionnaireResponse r, String source, String questionnaire,
                                                int version) {
        try {
            return local(r, questionnaire, version, ForeignQuestionnaires.answers(r, questionnaire).answers());
        } catch (RuntimeException e) {
            throw FhirRefusal.of(source, "fhir.questionnaireResponse", e);
        }
    }

    /** A FHIR response written by Relais (or shaped like one) as a local response. */
    public static QuestionnaireResponse toLocal(org.hl7.fhir.r4.model.QuestionnaireResponse r, String source) {
        try {
            String canonical = r.getQuestionnaire();
            String prefix = canonical("");
            if (!isRelais(r)) {
                throw new IllegalArgumentException("questionnaire " + canonical + " is not a Relais questionnaire with its version");
            }
            String questionnaire = canonical.substring(prefix.length(), canonical.indexOf('|'));
            int version = Integer.parseInt(canonical.substring(canonical.indexOf('|') + 1));
            java.util.List<Integer> answers = new java.util.ArrayList<>();
            for (var item : r.getItem()) {
                int position = Integer.parseInt(item.getLinkId());
                while (answers.size() < position) {
                    answers.add(null);
                }
                answers.set(position - 1, item.hasAnswer() ? item.getAnswerFirstRep().getValueIntegerType().getValue() : null);
            }
            return local(r, questionnaire, version, answers);
        } catch (RuntimeException e) {
            throw FhirRefusal.of(source, "fhir.questionnaireResponse", e);
        }
    }

    private static QuestionnaireResponse local(org.hl7.fhir.r4.model.QuestionnaireResponse r, String questionnaire, int version,
                                               List<Integer> answers) {
        var score = r.getExtensionByUrl(RelaisFhir.extension("questionnaire-score"));
        var band = r.getExtensionByUrl(RelaisFhir.extension("questionnaire-band"));
        var observation = r.getExtensionByUrl(RelaisFhir.extension("questionnaire-score-observation"));
        if (r.getAuthored() == null) {
            throw new IllegalArgumentException("no authored time");
        }
        if (!"Patient".equals(r.getSubject().getReferenceElement().getResourceType())) {
            throw new IllegalArgumentException("no Patient subject");
        }
        // A server-numbered patient (Patient/1001) has a local id derived from the server's.
        return new QuestionnaireResponse(ObservationMapper.localId(r.getIdElement().getIdPart()),
                ObservationMapper.localId(r.getSubject().getReferenceElement().getIdPart()), questionnaire, version, answers,
                r.getAuthored().toInstant(), score == null ? null : new java.math.BigDecimal(score.getValue().primitiveValue()),
                band == null ? null : band.getValue().primitiveValue(),
                observation == null ? null : ObservationMapper.localId(((Reference) observation.getValue()).getReferenceElement().getIdPart()),
                r.getAuthor().getDisplay() != null ? r.getAuthor().getDisplay()
                        : r.getAuthor().getReference() != null ? r.getAuthor().getReference() : "server");
    }

    public static org.hl7.fhir.r4.model.QuestionnaireResponse toFhir(QuestionnaireResponse q) {
        var r = new org.hl7.fhir.r4.model.QuestionnaireResponse();
        r.setId("QuestionnaireResponse/" + q.id());
        r.setQuestionnaire(canonical(q.questionnaireId()) + "|" + q.questionnaireVersion());
        r.setStatus(org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        r.setSubject(new Reference("Patient/" + q.patientId()));
        r.setAuthoredElement(FhirDates.instant(q.authoredAt()));
        r.setAuthor(new Reference().setDisplay(q.recordedBy()));
        List<Integer> answers = q.answers();
        for (int i = 0; i < answers.size(); i++) {
            var item = r.addItem().setLinkId(Integer.toString(i + 1));
            if (answers.get(i) != null) {
                item.addAnswer().setValue(new IntegerType(answers.get(i)));
            }
        }
        if (q.score() != null) {
            r.addExtension(RelaisFhir.extension("questionnaire-score"), new DecimalType(q.score()));
        }
        if (q.band() != null) {
            r.addExtension(RelaisFhir.extension("questionnaire-band"), new StringType(q.band()));
        }
        if (q.scoreMeasureId() != null) {
            r.addExtension(RelaisFhir.extension("questionnaire-score-observation"), new Reference("Observation/" + q.scoreMeasureId()));
        }
        return r;
    }
}
