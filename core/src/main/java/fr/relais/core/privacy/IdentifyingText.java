package fr.relais.core.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What names an anonymised patient inside text other systems wrote ("Passage IDE Mme KERBRAT", a team numbered
 * "EQ-29004512-1" after the IPP): the patient's names, identifiers and day of birth, taken before the erasure, from
 * the record here and from the server's Patient. Each is matched as a whole word, case ignored, and replaced by
 * {@link #REMOVED}; the rest of the text and the structure of the record stay as their writer made them.
 */
public final class IdentifyingText {
    /** What stands where a name or a number of the patient was. */
    public static final String REMOVED = "(anonymisé)";
    /** Nothing to look for: after the erasure, or for a record that never named the patient. */
    public static final IdentifyingText NONE = new IdentifyingText(Set.of());

    /** Keys whose string holds free text a person wrote (FHIR element names), the only ones rewritten. */
    private static final Set<String> TEXT_KEYS = Set.of("text", "div", "name", "description", "title", "display", "valueString",
            "valueMarkdown", "comment", "authorString", "family", "given", "prefix", "line");

    private final Pattern pattern;

    private IdentifyingText(Set<String> words) {
        // Longest first, so that "LE GALL" goes as a whole before "GALL" could; a word is bounded by what is no letter
        // nor digit, so "Anne" does not touch "Annecy".
        String alternatives = words.stream().filter(w -> w != null && w.strip().length() >= 2).map(String::strip)
                .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote).collect(Collectors.joining("|"));
        this.pattern = alternatives.isEmpty() ? null
                : Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The words to look for (names, numbers, dates as written), blank ones ignored. */
    public static IdentifyingText of(java.util.Collection<String> words) {
        return new IdentifyingText(new LinkedHashSet<>(words));
    }

    /** {@code text} with each name or number of the patient replaced; null stays null. */
    public String redact(String text) {
        return text == null || pattern == null ? text : pattern.matcher(text).replaceAll(java.util.regex.Matcher.quoteReplacement(REMOVED));
    }

    /** Whether {@code text} names the patient. */
    public boolean names(String text) {
        return text != null && pattern != null && pattern.matcher(text).find();
    }

    /**
     * Rewrites, in place, the free text of a FHIR resource (JSON): each text element loses the patient's names and
     * numbers, and an identifier whose value holds one is removed (a team numbered after the IPP). Codes, references,
     * dates and every other element stay as written.
     */
    void scrub(JsonNode node) {
        if (pattern == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            FhirJsonEdit.removeFrom(object, "identifier", id -> names(id.path("value").asText(null)));
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue() instanceof TextNode text && TEXT_KEYS.contains(field.getKey())) {
                    field.setValue(TextNode.valueOf(redact(text.asText())));
                } else if (field.getValue() instanceof ArrayNode array && TEXT_KEYS.contains(field.getKey())) {
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i) instanceof TextNode text) {
                            array.set(i, TextNode.valueOf(redact(text.asText())));
                        } else {
                            scrub(array.get(i));
                        }
                    }
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::scrub);
        }
    }

    /** {@code resource}: a FHIR resource as JSON; the same with its free text scrubbed ({@link #scrub}). */
    public String scrubbed(String resource) {
        return FhirJsonEdit.edit(resource, this::scrub);
    }

    /** Words found in a FHIR Patient (JSON) another system wrote: its names, identifiers, phones and address lines. */
    static List<String> inPatient(String patient) {
        List<String> words = new java.util.ArrayList<>();
        FhirJsonEdit.edit(patient, p -> {
            for (JsonNode name : p.path("name")) {
                words.add(name.path("family").asText(null));
                name.path("given").forEach(g -> words.add(g.asText(null)));
                words.add(name.path("text").asText(null));
            }
            p.path("identifier").forEach(id -> words.add(id.path("value").asText(null)));
            p.path("telecom").forEach(t -> words.add(t.path("value").asText(null)));
            for (JsonNode address : p.path("address")) {
                address.path("line").forEach(l -> words.add(l.asText(null)));
            }
        });
        return words;
    }
}
