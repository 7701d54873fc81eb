package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.error.BadInputException;
import fr.relais.core.questionnaire.Questionnaire;
import fr.relais.core.questionnaire.QuestionnaireService;
import fr.relais.core.questionnaire.ScoreResult;
import fr.relais.core.time.IsoInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais questionnaire list|answer|import|error}. */
@Command(name = "questionnaire", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {QuestionnaireCommand.ListQuestionnaires.class, QuestionnaireCommand.Answer.class,
                QuestionnaireCommand.Import.class, QuestionnaireCommand.EnteredInError.class})
final class QuestionnaireCommand {

    /** {@code relais questionnaire error RESPONSE_ID --reason R}: a wrong response, its score and its alerts withdrawn. */
    @Command(name = "error", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class EnteredInError extends Leaf.WithRoot {
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "RESPONSE_ID", descriptionKey = "questionnaire.response")
        String id;
        @Option(names = "--reason", required = true, descriptionKey = "option.reason")
        String reason;

        @Override
        int run(RelaisCommand root) {
            java.util.UUID responseId = Arguments.uuid("RESPONSE_ID", id);
            try (OpenStore<QuestionnaireService> store = root.open(CommandWiring.QUESTIONNAIRES)) {
                store.uses().markEnteredInError(responseId, reason);
            }
            root.printer().object(java.util.Map.of("responseId", id, "status", "ENTERED_IN_ERROR"),
                    out -> out.println(id + " ENTERED_IN_ERROR"));
            return Cli.OK;
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListQuestionnaires extends Leaf.WithServices<QuestionnaireService> {
        ListQuestionnaires() {
            super(CommandWiring.QUESTIONNAIRES);
        }

        @Override
        int run(RelaisCommand root, QuestionnaireService questionnaires) {
            root.printer().list(questionnaires.list(), List.of(
                    new Column<>("id", "col.id", Questionnaire::id),
                    new Column<>("version", "col.version", Questionnaire::version),
                    new Column<>("title", "col.title", q -> q.title().in(root.language())),
                    new Column<>("items", "col.items", q -> q.items().size()),
                    new Column<>("scoreCode", "col.code", Questionnaire::scoreCode)), q -> {
                        Map<String, Object> json = new LinkedHashMap<>();
                        json.put("id", q.id());
                        json.put("version", q.version());
                        json.put("title", q.title().in(root.language()));
                        json.put("items", q.items().size());
                        json.put("scoreCode", q.scoreCode());
                        return json;
                    });
            return Cli.OK;
        }
    }

    @Command(name = "answer", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Answer extends Leaf.WithRoot {
        @Option(names = "--patient", required = true, descriptionKey = "enroll.patient")
        String patient;
        @Option(names = "--questionnaire", required = true, descriptionKey = "questionnaire.id")
        String questionnaire;
        @Option(names = "--answers", required = true, descriptionKey = "questionnaire.answers")
        String answers;
        @Option(names = "--at", paramLabel = "DATE-TIME", descriptionKey = "measure.at")
        String at;

        @Override
        int run(RelaisCommand root) {
            List<Integer> values = parseAnswers(answers);
            var authoredAt = at == null ? null : IsoInput.dateTime("--at", at);
            try (OpenStore<QuestionnaireService> store = root.open(CommandWiring.QUESTIONNAIRES)) {
                var patientId = store.patient(patient);
                QuestionnaireService.Answered answered = store.uses().answer(patientId, questionnaire, values, authoredAt);
                ScoreResult result = answered.result();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("responseId", answered.response().id().toString());
                json.put("questionnaire", answered.questionnaire().id());
                json.put("score", result.score());
                json.put("band", result.band() == null ? null : result.band().label().in(root.language()));
                json.put("level", result.band() == null ? null : result.band().level().name());
                json.put("answered", result.answered());
                json.put("missing", result.missing());
                json.put("significantAnswers", result.significant().stream().map(h -> Map.of("item", h.item(), "answer", h.answer(),
                        "level", h.level().name(), "reason", h.rule().reason().in(root.language()))).toList());
                root.printer().object(json, out -> {
                    out.println(result.computable()
                            ? root.text("questionnaire.score", result.score().toPlainString(), result.band() == null ? "-" : result.band().label().in(root.language()))
                            : root.text("questionnaire.noScore", result.missing()));
                    result.significant().forEach(h -> out.println(root.text("questionnaire.significant", h.item(), h.answer(),
                            h.level(), h.rule().reason().in(root.language()))));
                });
            }
            return Cli.OK;
        }

        /** "1,0,2,,3": an empty place is an unanswered item. */
        static List<Integer> parseAnswers(String text) {
            List<Integer> values = new ArrayList<>();
            String[] parts = text.split(",", -1);
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].trim();
                if (part.isEmpty() || part.equals("-")) {
                    values.add(null);
                    continue;
                }
                try {
                    values.add(Integer.valueOf(part));
                } catch (NumberFormatException e) {
                    throw new BadInputException("--answers[" + i + "]", "number.invalid", part);
                }
            }
            return values;
        }
    }

    @Command(name = "import", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "questionnaire.file")
        Path file;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            String json = PathwayCommand.read(file);
            try (OpenStore<QuestionnaireService> store = root.open(CommandWiring.QUESTIONNAIRES)) {
                Questionnaire q = store.uses().importDefinition(file.toString(), json);
                root.printer().object(Map.of("id", q.id(), "version", q.version()),
                        out -> out.println(root.text("questionnaire.imported", q.id(), q.version())));
            }
            return Cli.OK;
        }
    }
}
