package fr.relais.sync.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.core.error.BadInputException;
import fr.relais.core.questionnaire.Questionnaire;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;

/**
 * Questionnaire definitions (PHQ-9, an administrator's own) as FHIR R4 Questionnaires, matching the responses Relais
 * sends ({@link QuestionnaireResponseMapper}: linkId = position, integer answers): one integer item per question, its
 * answer options as {@code valueInteger} with the label in an extension (an integer option has no display), the item's
 * Relais id as its prefix, reversed items flagged. What FHIR has no element for (the scoring rule, the bands and the
 * answers that alert alone) travels as the authoring JSON in one extension. Read back into the authoring format, so a
 * received questionnaire goes through the same validation as a file.
 */
public final class QuestionnaireMapper {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ANSWER_LABEL = RelaisFhir.extension("questionnaire-answer-label");
    static final String REVERSED = RelaisFhir.extension("questionnaire-item-reversed");
    static final String SCORING = RelaisFhir.extension("questionnaire-scoring");

    private QuestionnaireMapper() {
    }

    public static org.hl7.fhir.r4.model.Questionnaire toFhir(Questionnaire q, String authoringJson) {
        var r = new org.hl7.fhir.r4.model.Questionnaire();
        r.setUrl(QuestionnaireResponseMapper.canonical(q.id()));
        r.addIdentifier().setSystem(RelaisFhir.QUESTIONNAIRE_SYSTEM).setValue(q.id());
        r.setVersion(Integer.toString(q.version()));
        r.setName(q.id());
        r.setStatus(PublicationStatus.ACTIVE);
        r.addSubjectType("Patient");
        Translations.write(r.getTitleElement(), q.title());
        if (q.description() != null) {
            Translations.write(r.getDescriptionElement(), q.description());
        }
        if (q.scoreCode() != null) {
            r.addCode(new Coding(RelaisFhir.LOINC, q.scoreCode(), null));
        }
        List<Questionnaire.Item> items = q.items();
        for (int i = 0; i < items.size(); i++) {
            Questionnaire.Item item = items.get(i);
            var question = r.addItem().setLinkId(Integer.toString(i + 1)).setPrefix(item.id())
                    .setType(org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemType.INTEGER);
            Translations.write(question.getTextElement(), item.text());
            if (item.reversed()) {
                question.addExtension(REVERSED, new BooleanType(true));
            }
            for (Questionnaire.AnswerOption option : q.answers()) {
                StringType label = new StringType();
                Translations.write(label, option.label());
                question.addAnswerOption().setValue(new IntegerType(option.value())).addExtension(ANSWER_LABEL, label);
            }
        }
        JsonNode authoring = PlanDefinitionMapper.tree(authoringJson, q.id());
        ObjectNode rules = JSON.createObjectNode();
        for (String field : List.of("scoring", "bands", "significantAnswers", "scoreRule", "requiredItems")) {
            if (authoring.has(field)) {
                rules.set(field, authoring.get(field));
            }
        }
        r.addExtension(SCORING, new StringType(rules.toString()));
        return r;
    }

    /** The authoring JSON of a received Questionnaire; one that is not a Relais scored questionnaire is bad input. */
    public static String toAuthoringJson(String source, org.hl7.fhir.r4.model.Questionnaire r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", r.getName());
        PlanDefinitionMapper.putVersion(root, r.getVersion());
        PlanDefinitionMapper.putText(root, "title", Translations.read(r.getTitleElement()));
        PlanDefinitionMapper.putText(root, "description", Translations.read(r.getDescriptionElement()));
        r.getCode().stream().filter(c -> RelaisFhir.LOINC.equals(c.getSystem())).findFirst().ifPresent(c -> root.put("scoreCode", c.getCode()));
        ArrayNode answers = root.putArray("answers");
        ArrayNode items = root.putArray("items");
        String scale = null;
        for (var question : r.getItem()) {
            ObjectNode item = items.addObject();
            item.put("id", question.hasPrefix() ? question.getPrefix() : question.getLinkId());
            PlanDefinitionMapper.putText(item, "text", Translations.read(question.getTextElement()));
            if (question.getExtensionByUrl(REVERSED) != null) {
                item.put("reversed", true);
            }
            ArrayNode options = JSON.createArrayNode();
            for (var option : question.getAnswerOption()) {
                if (!(option.getValue() instanceof IntegerType value)) {
                    throw new BadInputException(source, "fhir.invalid", new BadInputException.Reason("fhir.reason.optionsNotIntegers", question.getLinkId()));
                }
                ObjectNode answer = options.addObject().put("value", value.getValue());
                Extension label = option.getExtensionByUrl(ANSWER_LABEL);
                PlanDefinitionMapper.putText(answer, "label", label != null && label.getValue() instanceof StringType text ? Translations.read(text) : null);
            }
            if (scale == null) {
                scale = options.toString();
                answers.addAll(options);
            } else if (!scale.equals(options.toString())) {
                throw new BadInputException(source, "fhir.invalid", new BadInputException.Reason("fhir.reason.otherScale", question.getLinkId()));
            }
        }
        Extension scoring = r.getExtensionByUrl(SCORING);
        if (scoring == null) {
            throw new BadInputException(source, "fhir.invalid", new BadInputException.Reason("fhir.reason.noScoring"));
        }
        JsonNode rules = PlanDefinitionMapper.tree(scoring.getValue().primitiveValue(), source);
        rules.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        return root.toString();
    }
}
