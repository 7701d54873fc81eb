package fr.relais.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The engine's vocabulary that must never reach a reader (docs/wording.md lists these patterns): what a PDF, a screen
 * or the human output of a command shows is scanned with {@link #findIn}, and any match is a defect.
 *
 * <p>Only genuine clinical or administrative abbreviations are allowed ({@link #ALLOWED}), each for a reason given
 * beside it. The CLI prints a few handles a user types back into the next command (an alert's id for
 * {@code relais alert ack}, a pathway id for {@code relais enroll --pathway}): the test names those exact strings.
 */
public final class RawCodePatterns {
    /**
     * Abbreviations French clinicians write themselves. SpO2, PHQ-9 and GAD-7 are the scales' names; INS, IPP, RPPS,
     * NIR and OID are the identifiers' legal names (RNIV, ANS); IDE is the nurses' own title; DAC the regional
     * coordination service; mmHg the unit as written on paper.
     */
    public static final Set<String> ALLOWED = Set.of("SpO2", "PHQ-9", "GAD-7", "INS", "IPP", "RPPS", "NIR", "OID", "RNIV", "IDE", "DAC",
            "mmHg", "cmHg", "MSSanté", "INSi");

    /** Hyphenated French words that look like kebab-case ids. */
    private static final Set<String> FRENCH_COMPOUNDS = Set.of("au-dessus", "au-dessous", "ci-dessus", "ci-dessous", "peut-on",
            "est-il", "dites-le", "patient-mois", "patients-mois", "auto-mesures", "auto-mesure", "non-transmission", "cardio-pulmonaire", "cardio-respiratoire", "sentez-vous", "celui-ci", "celle-ci", "ceux-ci", "celles-ci");

    /** Enums whose constants the engine stores and a careless view would print (RED, OPEN, ACTIVE, QUAL, IDE_LIBERALE...). */
    private static final List<Class<? extends Enum<?>>> ENGINE_ENUMS = List.of(
            fr.relais.core.rule.AlertLevel.class, fr.relais.core.alert.AlertStatus.class, fr.relais.core.task.TaskStatus.class,
            fr.relais.core.task.TaskPriority.class, fr.relais.core.pathway.EnrollmentStatus.class,
            fr.relais.core.identity.IdentityStatus.class, fr.relais.core.careteam.CareRole.class,
            fr.relais.core.careteam.Profession.class, fr.relais.core.measure.MeasureStatus.class,
            fr.relais.core.measure.MeasureSource.class, fr.relais.core.pathway.StepKind.class,
            fr.relais.core.pathway.TemplateOrigin.class, fr.relais.core.consent.ConsentScope.class,
            fr.relais.core.identity.DuplicateReason.class, fr.relais.core.messaging.MessageStatus.class,
            fr.relais.core.session.Role.class, fr.relais.core.task.DueFilter.class);

    /** Each pattern by the name a failure reports. */
    public static final Map<String, Pattern> PATTERNS = patterns();

    private RawCodePatterns() {
    }

    private static Map<String, Pattern> patterns() {
        Map<String, Pattern> p = new LinkedHashMap<>();
        String enumWords = ENGINE_ENUMS.stream().flatMap(e -> Stream.of(e.getEnumConstants())).map(Enum::name)
                .filter(n -> n.length() >= 3 && !ALLOWED.contains(n)).distinct().sorted().collect(Collectors.joining("|"));
        p.put("enum word", Pattern.compile("\\b(?:" + enumWords + ")\\b"));
        p.put("upper-case snake word", Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b"));
        // A rule, template or step id: lower-case ASCII words and digits joined by hyphens, with at least one letter.
        p.put("kebab-case id", Pattern.compile("(?<![\\p{L}\\d-])(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+(?![\\p{L}\\d-])"));
        p.put("rule id with a colon", Pattern.compile("\\b(?:answer|score|questionnaire):\\S+"));
        p.put("ISO duration", Pattern.compile("\\bP(?:\\d+[YMWD])+(?:T(?:\\d+[HMS])+)?\\b|\\bPT(?:\\d+[HMS])+\\b"));
        p.put("JSON brace", Pattern.compile("[{}]"));
        p.put("null", Pattern.compile("\\bnull\\b"));
        p.put("UUID", Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}(?:-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})?\\b"));
        p.put("UCUM code", Pattern.compile("\\[[A-Za-z_]+\\]|\\bCel\\b"));
        p.put("field path", Pattern.compile("\\b[a-z]+(?:\\.[a-z][A-Za-z]*)+:|\\b[a-z]+[A-Z][A-Za-z]*:|--[a-z-]+:"));
        p.put("audit code", Pattern.compile("\\b(?:patient|measure|alert|task|enrollment|careteam|consent|questionnaire|session|account"
                + "|threshold|urgentcare|message|pathway|professional|careplan)\\.[a-zA-Z][a-zA-Z.-]*"));
        p.put("exception name", Pattern.compile("\\b\\w+(?:Exception|Error)\\b|\\bHAPI-\\d+|Connection refused"));
        p.put("camelCase word", Pattern.compile("\\b[a-z]+[A-Z][A-Za-z]*\\b"));
        p.put("English engine word", Pattern.compile("\\b(?:window|rise|level|none|baseline|threshold|direction|unreachable|pending)\\b"));
        return p;
    }

    /**
     * Every raw code in {@code text}, as "pattern « match » in …context…"; {@code handles} are exact strings the text
     * may show (ids a user types back), removed before the scan.
     */
    public static List<String> findIn(String text, Set<String> handles) {
        String scanned = text;
        // Longest first: a rule id inside a longer one ("poids" in "poids-hausse-3j") must not leave a stub behind.
        for (String handle : handles.stream().sorted(java.util.Comparator.comparing(String::length).reversed()).toList()) {
            scanned = scanned.replace(handle, " ");
        }
        for (String allowed : ALLOWED) {
            scanned = scanned.replace(allowed, " ");
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, Pattern> e : PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(scanned);
            while (m.find()) {
                if (e.getKey().equals("kebab-case id") && FRENCH_COMPOUNDS.contains(m.group())) {
                    continue;
                }
                found.add(excerpt(e.getKey(), scanned, m));
            }
        }
        return found;
    }

    public static List<String> findIn(String text) {
        return findIn(text, Set.of());
    }

    /**
     * Inclusive and bracketed plural forms the glossary rules out (« Né(e) », « étape(s) », « libéral(e) »): the form
     * is chosen from the person's sex or from the count. Kept apart from {@link #PATTERNS} because a screen or a
     * document is scanned for it on its own, and every bundle file through {@link #inclusiveFormsInBundle}.
     */
    public static final Pattern INCLUSIVE_FORM = Pattern.compile("(?<=\\p{L})\\((?:e|s|es|x|ne|le|ère|euse|rice)\\)");

    /** Every inclusive or bracketed plural form in {@code text}, as "inclusive form « match » in …context…". */
    public static List<String> inclusiveFormsIn(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = INCLUSIVE_FORM.matcher(text);
        while (m.find()) {
            found.add(excerpt("inclusive form", text, m));
        }
        return found;
    }

    /**
     * Every inclusive form in the bundle file at classpath {@code resource}: in each value as written, and in each
     * count-driven value ({@code choice}) as formatted for 0, 1 and 2, so a choice that does not parse fails too. A
     * missing or empty bundle is an error, so the scan cannot pass on nothing.
     */
    public static List<String> inclusiveFormsInBundle(String resource) {
        java.util.Properties bundle = new java.util.Properties();
        try (java.io.InputStream in = RawCodePatterns.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle at " + resource);
            }
            bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (bundle.isEmpty()) {
            throw new IllegalArgumentException("empty bundle at " + resource);
        }
        List<String> found = new ArrayList<>();
        for (String key : new TreeSet<>(bundle.stringPropertyNames())) {
            String value = bundle.getProperty(key);
            inclusiveFormsIn(value).forEach(f -> found.add(resource + " " + key + ": " + f));
            if (value.contains(",choice,")) {
                for (int count = 0; count <= 2; count++) {
                    Object[] args = new Object[10];
                    java.util.Arrays.fill(args, count);
                    String shown = new java.text.MessageFormat(value, java.util.Locale.FRANCE).format(args);
                    inclusiveFormsIn(shown).forEach(f -> found.add(resource + " " + key + " (formatted): " + f));
                }
            }
        }
        return found;
    }

    private static String excerpt(String pattern, String text, Matcher m) {
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 40);
        return pattern + " « " + m.group() + " » in …" + text.substring(from, to).replace('\n', ' ') + "…";
    }

    /** The ids of a JSON listing's objects (field {@code field}), as the handles its table may show. */
    public static Set<String> handles(com.fasterxml.jackson.databind.JsonNode listing, String field) {
        Set<String> ids = new TreeSet<>();
        listing.forEach(n -> {
            if (n.hasNonNull(field)) {
                ids.add(n.get(field).asText());
            }
        });
        return ids;
    }
}
