package fr.relais.core.pathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
        List<TemplateParser.ParsedTemplate> templates = new ArrayList<>();
        for (String file : FILES) {
            try (InputStream in = TemplateLibrary.class.getResourceAsStream("library/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Built-in template missing from the build: " + file);
                }
                templates.add(TemplateParser.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templates;
    }
}
