package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.wording.DurationWords;
import fr.relais.core.wording.StepWords;
import fr.relais.core.error.BadInputException;
import fr.relais.core.pathway.PathwayService;
import fr.relais.core.pathway.PathwayTemplate;
import fr.relais.core.pathway.StoredTemplate;
import fr.relais.core.pathway.TemplateParser;
import fr.relais.sync.fhir.PlanDefinitionMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code relais pathway list|show|validate|import}. */
@Command(name = "pathway", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {PathwayCommand.ListTemplates.class, PathwayCommand.Show.class, PathwayCommand.Validate.class,
                PathwayCommand.Import.class, PathwayCommand.Export.class})
final class PathwayCommand {

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw fr.relais.core.error.FileProblem.unreadable(file.toString(), e);
        }
    }

    /** A template file named on the command line: the authoring format, or a FHIR Bundle (PlanDefinition + ActivityDefinitions). */
    static final class TemplateFile {
        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "pathway.file")
        Path file;

        /** The file's template in the authoring format (a FHIR Bundle is turned into it). */
        String authoringJson() {
            String json = read(file);
            return PlanDefinitionMapper.isFhir(json) ? new PlanDefinitionMapper().toAuthoringJson(file.toString(), json) : json;
        }
    }

    /** A template named on the command line: its id and, optionally, a version (the latest otherwise). */
    static final class TemplateRef {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "pathway.id")
        String id;
        @Option(names = "--version", descriptionKey = "pathway.version")
        Integer version;
    }

    /**
     * A sub-command on one stored template, named by its id and {@code --version} (exit 2 when there is none): as it
     * has its own {@code --version}, its help option is {@code -h/--help} alone (see {@link HelpOption}).
     */
    abstract static class OnTemplate extends Leaf.WithServices<PathwayService> {
        @Mixin
        HelpOption help;
        @Mixin
        TemplateRef template;

        OnTemplate() {
            super(CommandWiring.PATHWAYS);
        }

        abstract int run(RelaisCommand root, StoredTemplate stored) throws IOException;

        @Override
        final int run(RelaisCommand root, PathwayService pathways) throws IOException {
            return run(root, pathways.get(template.id, template.version));
        }
    }

    static Map<String, Object> summary(PathwayTemplate t, RelaisCommand root) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", t.id());
        json.put("version", t.version());
        json.put("title", t.title().in(root.language()));
        json.put("duration", t.duration().toString());
        json.put("steps", t.steps().size());
        json.put("source", t.source());
        return json;
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListTemplates extends Leaf.WithServices<PathwayService> {
        ListTemplates() {
            super(CommandWiring.PATHWAYS);
        }

        @Override
        int run(RelaisCommand root, PathwayService pathways) {
            List<StoredTemplate> all = pathways.list();
            DurationWords durations = new DurationWords(root.language());
            root.printer().list(all, List.of(
                    new Column<>("id", "col.id", s -> s.template().id()),
                    new Column<>("version", "col.version", s -> s.template().version()),
                    new Column<>("title", "col.title", s -> s.template().title().in(root.language())),
                    new Column<>("duration", "col.duration", s -> s.template().duration(),
                            s -> s.template().duration() == null ? "" : durations.of(s.template().duration())),
                    new Column<>("origin", "col.origin", StoredTemplate::origin, s -> root.text("pathways.origin." + s.origin().name()))), s -> {
                        Map<String, Object> json = summary(s.template(), root);
                        json.put("origin", s.origin().name());
                        return json;
                    });
            return Cli.OK;
        }
    }

    @Command(name = "show", resourceBundle = "fr.relais.app.i18n.cli")
    static final class Show extends OnTemplate {
        @Override
        int run(RelaisCommand root, StoredTemplate stored) {
            PathwayTemplate t = stored.template();
            DurationWords durations = new DurationWords(root.language());
            StepWords steps = new StepWords(root.language());
            root.printer().object(PathwayTemplateJson.parse(stored.json()), out -> {
                out.println(root.text("pathway.heading", t.title().in(root.language()), t.id(), t.version(),
                        t.duration() == null ? "" : durations.of(t.duration())));
                out.println(t.description().in(root.language()));
                t.ppcs().forEach(need -> {
                    out.println("- " + need.need().in(root.language()));
                    // An objective's actions are steps: named by their titles, not their ids.
                    need.objectives().forEach(o -> out.println("    > " + o.objective().in(root.language()) + " : "
                            + String.join(", ", steps.titles(o.actions(), t))));
                });
                // Each step as a coordinator reads it: what, who, when, how often (never its id, kind or ISO offset).
                t.steps().forEach(step -> out.println("  • " + steps.describe(step, t)));
            });
            return Cli.OK;
        }
    }

    @Command(name = "validate", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Validate extends Leaf.WithRoot {
        @Mixin
        TemplateFile template;

        @Override
        int run(RelaisCommand root) {
            PathwayTemplate t = TemplateParser.parse(template.file.toString(), template.authoringJson()).template();
            root.printer().object(summary(t, root), out -> out.println(root.text("pathway.valid", t.id(), t.version(), t.steps().size())));
            return Cli.OK;
        }
    }

    @Command(name = "import", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Import extends Leaf.WithRoot {
        @Mixin
        TemplateFile template;

        @Override
        int run(RelaisCommand root) {
            String json = template.authoringJson();
            try (OpenStore<PathwayService> store = root.open(CommandWiring.PATHWAYS)) {
                PathwayService.ImportResult result = store.uses().importTemplate(template.file.toString(), json);
                Map<String, Object> summary = summary(result.template(), root);
                summary.put("created", result.created());
                root.printer().object(summary, out -> out.println(root.text(result.created() ? "pathway.imported" : "pathway.alreadyThere",
                        result.template().id(), result.template().version())));
            }
            return Cli.OK;
        }
    }

    @Command(name = "export", resourceBundle = "fr.relais.app.i18n.cli")
    static final class Export extends OnTemplate {
        @Option(names = "--fhir", descriptionKey = "pathway.fhir")
        boolean fhir;
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "pathway.out")
        Path out;

        @Override
        int run(RelaisCommand root, StoredTemplate stored) throws IOException {
            String content = fhir ? new PlanDefinitionMapper().toFhirJson(stored.template(), stored.json()) : stored.json();
            Files.writeString(out, content, StandardCharsets.UTF_8);
            Map<String, Object> summary = summary(stored.template(), root);
            summary.put("file", out.toAbsolutePath().toString());
            summary.put("format", fhir ? "fhir" : "relais");
            root.printer().object(summary, o -> o.println(root.text("pathway.exported", stored.template().id(),
                    stored.template().version(), out.toAbsolutePath())));
            return Cli.OK;
        }
    }
}
