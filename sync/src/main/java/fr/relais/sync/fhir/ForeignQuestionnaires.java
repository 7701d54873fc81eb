package fr.relais.sync.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Type;

/**
 * Responses other tools write for the questionnaires Relais ships: by the LOINC panel ({@code http://loinc.org/q/44249-1}
 * for the PHQ-9, 69737-5 for the GAD-7, as LHC-Forms and SDC tools write them) or by a canonical URL ending with the
 * questionnaire's name ({@code .../Questionnaire/who-5}). Their items are put in the built-in's order: by the LOINC
 * item codes when the panel has them, otherwise in the order the response lists its answered items; each answer read
 * as the integer the built-in scores (valueInteger, the LOINC answer codes of the PHQ answer list, an ordinalValue,
 * or a numeric code).
 */
public final class ForeignQuestionnaires {
    private static final String LOINC_QUESTIONNAIRE = "http://loinc.org/q/";
    private static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    private static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";

    /** LOINC panel → Relais questionnaire id. */
    private static final Map<String, String> PANELS = Map.of("44249-1", "PHQ-9", "69737-5", "GAD-7");

    /** The LOINC codes of each panel's questions, in the order of the questionnaire (LOINC panels 44249-1, 69737-5). */
    private static final Map<String, List<String>> ITEMS = Map.of(
            "PHQ-9", List.of("44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8"),
            "GAD-7", List.of("69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"));

    /** The LOINC answer list LL358-3 (PHQ-9, GAD-7): not at all, several days, more than half the days, nearly every day. */
    private static final Map<String, Integer> ANSWERS = Map.of("LA6568-5", 0, "LA6569-3", 1, "LA6570-1", 2, "LA6571-9", 3);

    /** Items of a panel that are not questions (the total score, the difficulty question): not scored. */
    private static final List<String> NOT_QUESTIONS = List.of("44261-6", "69722-7", "70274-6", "69726-8");

    private ForeignQuestionnaires() {
    }

    /** A foreign response read as one of the built-ins: its id and the answers in the built-in's order. */
    public record Mapped(String questionnaireId, List<Integer> answers) {
    }

    /**
     * The built-in questionnaire a canonical names, among {@code builtIns} (ids such as PHQ-9, WHO-5); empty when it
     * names none of them.
     */
    public static Optional<String> builtInFor(String canonical, List<String> builtIns) {
        if (canonical == null) {
            return Optional.empty();
        }
        String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
        if (url.startsWith(LOINC_QUESTIONNAIRE)) {
            return Optional.ofNullable(PANELS.get(url.substring(LOINC_QUESTIONNAIRE.length())));
        }
        String last = simplified(url.substring(url.lastIndexOf('/') + 1));
        return builtIns.stream().filter(id -> simplified(id).equals(last)).findFirst();
    }

    /** Reads the answers of {@code r} for the built-in {@code questionnaireId}. */
    public static Mapped answers(QuestionnaireResponse r, String questionnaireId) {
        List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items = new ArrayList<>();
        flatten(r.getItem(), items);
        List<String> codes = ITEMS.get(questionnaireId);
        List<Integer> answers = new ArrayList<>();
        if (codes != null) {
            codes.forEach(c -> answers.add(null));
            for (var item : items) {
                int position = codes.indexOf(loincCode(item));
                if (position >= 0) {
                    answers.set(position, answer(item));
                }
            }
        }
        if (codes == null || answers.stream().allMatch(a -> a == null)) {
            answers.clear();
            items.stream().filter(i -> i.hasAnswer() && !NOT_QUESTIONS.contains(loincCode(i))).forEach(i -> answers.add(answer(i)));
        }
        return new Mapped(questionnaireId, answers);
    }

    private static void flatten(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items,
                                List<QuestionnaireResponse.QuestionnaireResponseItemComponent> into) {
        for (var item : items) {
            if (item.hasAnswer()) {
                into.add(item);
            }
            flatten(item.getItem(), into);
        }
    }

    /** The item's LOINC code: its linkId as LHC-Forms writes it ({@code /44250-9}) or as a bare code. */
    private static String loincCode(QuestionnaireResponse.QuestionnaireResponseItemComponent item) {
        String linkId = item.getLinkId() == null ? "" : item.getLinkId();
        return linkId.substring(linkId.lastIndexOf('/') + 1);
    }

    private static Integer answer(QuestionnaireResponse.QuestionnaireResponseItemComponent item) {
        Type value = item.getAnswerFirstRep().getValue();
        if (value instanceof org.hl7.fhir.r4.model.IntegerType i) {
            return i.getValue();
        }
        if (value instanceof org.hl7.fhir.r4.model.DecimalType d) {
            return d.getValue().intValueExact();
        }
        if (value instanceof Coding c) {
            for (String url : List.of(ORDINAL_VALUE, ITEM_WEIGHT)) {
                var weight = c.getExtensionByUrl(url);
                if (weight != null && weight.getValue() instanceof org.hl7.fhir.r4.model.DecimalType d) {
                    return d.getValue().intValueExact();
                }
            }
            if (ANSWERS.containsKey(c.getCode())) {
                return ANSWERS.get(c.getCode());
            }
            return Integer.valueOf(c.getCode());
        }
        throw new IllegalArgumentException("answer " + item.getLinkId() + " is not a number Relais can score");
    }

    /**
     * A response to a questionnaire Relais does not ship, as answered: each answered item's text (its linkId when it
     * has none) and its answers as text (a coding's display or code, a quantity with its unit; a boolean as
     * {@code true}/{@code false}, worded where it is shown). {@code patient}: the local id of its subject.
     */
    public static fr.relais.core.questionnaire.ForeignResponse unscored(QuestionnaireResponse r, java.util.UUID id, java.util.UUID patient) {
        List<fr.relais.core.questionnaire.ForeignResponse.Answer> answers = new ArrayList<>();
        answered(r.getItem(), null, answers);
        String author = r.getAuthor().hasDisplay() ? r.getAuthor().getDisplay() : r.getSource().hasDisplay() ? r.getSource().getDisplay() : null;
        return new fr.relais.core.questionnaire.ForeignResponse(id, patient, r.getQuestionnaire(),
                r.getAuthored() == null ? null : r.getAuthored().toInstant(), author, r.hasStatus() ? r.getStatus().toCode() : "unknown", answers);
    }

    /**
     * The answered items in the response's order, each question headed by what it sits in, joined by " › ": the label of
     * its group ({@code item.text} of an item holding items: "Douleur › Intensité"), and for a question asked after an
     * answer ({@code item.answer.item}) the question and that answer ("Chute depuis la dernière visite ? (Oui) ›
     * Combien ?"). A group without a label adds nothing (its linkId is the sender's code, not words).
     */
    private static void answered(List<QuestionnaireResponse.QuestionnaireResponseItemComponent> items, String context,
                                 List<fr.relais.core.questionnaire.ForeignResponse.Answer> into) {
        for (var item : items) {
            String label = item.hasText() ? item.getText() : null;
            if (item.hasAnswer()) {
                String question = within(context, label != null ? label : item.getLinkId());
                String text = item.getAnswer().stream().map(a -> asText(a.getValue())).filter(java.util.Objects::nonNull)
                        .collect(java.util.stream.Collectors.joining(", "));
                into.add(new fr.relais.core.questionnaire.ForeignResponse.Answer(question, text));
                for (var answer : item.getAnswer()) {
                    String given = asText(answer.getValue());
                    answered(answer.getItem(), given == null ? question : question + " (" + given + ")", into);
                }
                answered(item.getItem(), question, into);
            } else {
                answered(item.getItem(), label == null ? context : within(context, label), into);
            }
        }
    }

    private static String within(String context, String label) {
        return context == null ? label : context + " › " + label;
    }

    private static String asText(Type value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Coding c) {
            return c.hasDisplay() ? c.getDisplay() : c.getCode();
        }
        if (value instanceof org.hl7.fhir.r4.model.Quantity q) {
            return q.getValue().stripTrailingZeros().toPlainString() + (q.hasUnit() ? " " + q.getUnit() : "");
        }
        if (value instanceof org.hl7.fhir.r4.model.Reference ref) {
            return ref.hasDisplay() ? ref.getDisplay() : ref.getReference();
        }
        if (value instanceof org.hl7.fhir.r4.model.Attachment a) {
            return a.hasTitle() ? a.getTitle() : a.getUrl();
        }
        return value.primitiveValue();
    }

    private static String simplified(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
