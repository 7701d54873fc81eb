package fr.relais.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.gui.pathways.PathwayLibrary;
import fr.relais.app.gui.pathways.PathwaysViewModel;
import fr.relais.app.gui.pathways.TemplateRow;
import fr.relais.app.gui.task.DirectExecutor;
import fr.relais.app.wording.Messages;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.i18n.Language;
import fr.relais.core.i18n.Localization;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.pathway.TemplateLibrary;
import fr.relais.core.pathway.TemplateOrigin;
import fr.relais.core.pathway.TemplateParser;
import fr.relais.core.session.Actor;
import fr.relais.core.session.UserSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pathways screen without the toolkit nor a store: the library in words, a template's steps and rules, and an
 * import refused line by line. The library is held in memory, parsed by the real template parser.
 */
class PathwaysViewModelTest {
    private static final Instant INSTALLED = Instant.parse("2026-11-23T08:00:00Z");
    @TempDir
    Path dir;
    final Localization texts = Localization.of(Messages.BUNDLE, Language.FR);

    /** The built-in templates, and what is imported kept in memory (the store keeps them in SQLite). */
    private static final class InMemoryLibrary implements PathwayLibrary {
        private final List<StoredTemplate> stored = new ArrayList<>();

        InMemoryLibrary() {
            TemplateLibrary.builtIns().forEach(p -> stored.add(new StoredTemplate(p.template(), p.json(), TemplateOrigin.BUILTIN, INSTALLED)));
        }

        @Override
        public List<StoredTemplate> list() {
            return List.copyOf(stored);
        }

        @Override
        public StoredTemplate get(String id, Integer version) {
            return stored.stream().filter(t -> t.template().id().equals(id) && (version == null || t.template().version() == version))
                    .max(Comparator.comparingInt(t -> t.template().version()))
                    .orElseThrow(() -> new NotFoundException("pathway", NotFoundException.What.PATHWAY, id));
        }

        @Override
        public PathwayService.ImportResult importTemplate(String source, String json) {
            TemplateParser.ParsedTemplate parsed = TemplateParser.parse(source, json);
            stored.add(new StoredTemplate(parsed.template(), parsed.json(), TemplateOrigin.IMPORTED, INSTALLED));
            return new PathwayService.ImportResult(parsed.template(), true);
        }
    }

    @Test
    void theLibraryListsTemplatesShowsStepsAndRulesAndImportErrorsLineByLine() throws Exception {
        PathwaysViewModel model = new PathwaysViewModel(new InMemoryLibrary(), new UserSession(new Actor("idec", "IDEC", "poste")),
                new DirectExecutor(), texts, Language.FR);
        model.refresh();
        TemplateRow heart = model.templatesProperty().stream().filter(r -> r.id().equals("insuffisance-cardiaque-sortie")).findFirst().orElseThrow();
        assertThat(heart.origin()).isEqualTo("fourni");
        model.show(heart);
        assertThat(model.detailsProperty()).anyMatch(l -> l.endsWith(" étapes")).anyMatch(l -> l.endsWith(" règles d’alerte"))
                .anyMatch(l -> l.equals("  • Poids du matin — le patient lui-même — 1 jour après le début du parcours, à 09:00 — tous les jours, sans fin"))
                .anyMatch(l -> l.startsWith("  • Poids : alerte rouge pour une hausse d'au moins 2 kg en 3 jours"));
        assertThat(String.join("\n", model.detailsProperty())).doesNotContain("null", "P1D", "∞", "{", "poids-hausse");

        Path bad = dir.resolve("mauvais.json");
        Files.writeString(bad, "{\"id\": \"essai\", \"version\": 0, \"steps\": []}");
        model.importFile(bad);
        assertThat(model.messageProperty().get()).contains("mauvais.json");
        assertThat(model.errorsProperty()).isNotEmpty();
        int before = model.templatesProperty().size();
        model.refresh();
        assertThat(model.templatesProperty()).hasSize(before);
    }
}
