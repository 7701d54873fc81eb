package fr.relais.core.library;

import fr.relais.core.pathway.TemplateLibrary;
import fr.relais.core.pathway.TemplateParser;
import fr.relais.core.questionnaire.QuestionnaireLibrary;
import fr.relais.core.questionnaire.QuestionnaireParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build ships for every store to hold (the pathway templates and the questionnaires), as the files' text, and
 * its fingerprint: SHA-256 over every file's name and text, in order. Two builds shipping the same files have the same
 * fingerprint; any file added, removed, renamed or changed gives another. A kind of built-in added to the library later
 * must be added here too, or a store that holds this fingerprint would never receive it. Parsed only when a store
 * needs installing ({@link BuiltInInstaller}).
 */
public final class BuiltInLibrary {
    private final Map<String, String> templates;
    private final Map<String, String> questionnaires;
    private final String fingerprint;

    /** {@code templates} and {@code questionnaires}: each file's text by its name, in the order they install. */
    public BuiltInLibrary(Map<String, String> templates, Map<String, String> questionnaires) {
        this.templates = new LinkedHashMap<>(templates);
        this.questionnaires = new LinkedHashMap<>(questionnaires);
        this.fingerprint = fingerprint(this.templates, this.questionnaires);
    }

    /** The library this build ships, read and fingerprinted once per JVM. */
    public static BuiltInLibrary shipped() {
        return Shipped.LIBRARY;
    }

    public String fingerprint() {
        return fingerprint;
    }

    /** The templates' files, by name (a test makes another build's library from them). */
    public Map<String, String> templateFiles() {
        return java.util.Collections.unmodifiableMap(templates);
    }

    /** The questionnaires' files, by name. */
    public Map<String, String> questionnaireFiles() {
        return java.util.Collections.unmodifiableMap(questionnaires);
    }

    /** The templates, parsed (each call parses them again). */
    public List<TemplateParser.ParsedTemplate> templates() {
        return TemplateLibrary.parse(templates);
    }

    /** The questionnaires, parsed (each call parses them again). */
    public List<QuestionnaireParser.Parsed> questionnaires() {
        return QuestionnaireLibrary.parse(questionnaires);
    }

    private static String fingerprint(Map<String, String> templates, Map<String, String> questionnaires) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            digest(sha, "templates", templates);
            digest(sha, "questionnaires", questionnaires);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Each part's name, count and files with their lengths, so that no two different libraries give the same bytes. */
    private static void digest(MessageDigest sha, String part, Map<String, String> files) {
        field(sha, part + ":" + files.size());
        files.forEach((name, text) -> {
            field(sha, name);
            field(sha, text);
        });
    }

    private static void field(MessageDigest sha, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    private static final class Shipped {
        static final BuiltInLibrary LIBRARY = new BuiltInLibrary(TemplateLibrary.files(), QuestionnaireLibrary.files());
    }
}
