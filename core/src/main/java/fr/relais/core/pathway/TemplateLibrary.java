package fr.relais.core.pathway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The pathway templates shipped with Relais (resources under {@code fr/relais/core/pathway/library/}). */
public final class TemplateLibrary {
    static final List<String> FILES = List.of(
            "insuffisance-cardiaque-sortie.json",
            "bpco-exacerbation.json",
            "diabete-type-2.json",
            "personne-agee-fragile-domicile.json",
            "chirurgie-ambulatoire-raac.json");

    private TemplateLibrary() {
    }

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
