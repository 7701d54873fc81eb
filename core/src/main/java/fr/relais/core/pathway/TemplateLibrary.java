package fr.relais.core.pathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pathway templates shipped with Relais (resources under {@code fr/relais/core/pathway/library/}). Every version
 * ever shipped stays here unchanged: a store installs the versions it lacks, patients enrolled in a version keep it
 * until moved explicitly, and new enrollments take the latest. A correction is a new file with the next version.
 */
public final class TemplateLibrary {
    static final List<String> FILES = List.of(
            "insuffisance-cardiaque-sortie.json",
            "bpco-exacerbation.json",
            "diabete-type-2.json",
            "personne-agee-fragile-domicile.json",
            "chirurgie-ambulatoire-raac.json",
            // Version 2 (issue 21): telemonitoring flag, a task for every planned measure, needs the PPCS promised.
            "insuffisance-cardiaque-sortie-v2.json",
            "bpco-exacerbation-v2.json",
            "diabete-type-2-v2.json",
            "personne-agee-fragile-domicile-v2.json",
            "chirurgie-ambulatoire-raac-v2.json",
            // Version 3 (issue 28): what hospital admissions and discharges do (hospitalEvents).
            "insuffisance-cardiaque-sortie-v3.json");

    private TemplateLibrary() {
    }

    /** Every shipped version, oldest first for each template. */
    public static List<TemplateParser.ParsedTemplate> builtIns() {
        return parse(files());
    }

    /** The shipped files' text by file name, in {@link #FILES}' order: what a store's built-in fingerprint covers. */
    public static Map<String, String> files() {
        return read(TemplateLibrary.class, FILES);
    }

    /** The text of {@code files}, resources under {@code library/} beside {@code anchor}, by file name in that order. */
    public static Map<String, String> read(Class<?> anchor, List<String> files) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : files) {
            try (InputStream in = anchor.getResourceAsStream("library/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Built-in library file missing from the build: " + anchor.getPackageName() + " " + file);
                }
                texts.put(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return texts;
    }

    /** The templates of {@code files} (file name to text), parsed in their order. */
    public static List<TemplateParser.ParsedTemplate> parse(Map<String, String> files) {
        List<TemplateParser.ParsedTemplate> templates = new ArrayList<>();
        files.forEach((file, json) -> templates.add(TemplateParser.parse(file, json)));
        return templates;
    }
}
