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
    private QuestionnaireResponseMapper() {
    }

    /** The canonical of a Relais questionnaire (PHQ-9, GAD-7...): the same code the pathway steps carry. */
    public static String canonical(String questionnaireId) {
        return RelaisFhir.QUESTIONNAIRE_SYSTEM + ":" + questionnaireId;
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
