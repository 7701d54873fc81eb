package fr.relais.benchmarks;

import fr.relais.core.pathway.TemplateParser;
import fr.relais.core.questionnaire.QuestionnaireParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading and checking one definition file, as every import, every sync of a template or questionnaire and every read
 * of a stored one does (the shared walker of ADR 0013): the largest built-in pathway and the PHQ-9. A single function
 * with no store, so JMH measures it (warm-up, forks, dead-code elimination kept away by returning the result).
 * {@code benchmarks/run jmh DefinitionParsing}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DefinitionParsingBenchmark {
    private String template;
    private String questionnaire;

    @Setup
    public void read() {
        template = resource("/fr/relais/core/pathway/library/insuffisance-cardiaque-sortie-v2.json");
        questionnaire = resource("/fr/relais/core/questionnaire/library/phq-9.json");
    }

    @Benchmark
    public TemplateParser.ParsedTemplate heartFailureTemplate() {
        return TemplateParser.parse("insuffisance-cardiaque-sortie-v2.json", template);
    }

    @Benchmark
    public QuestionnaireParser.Parsed phq9Questionnaire() {
        return QuestionnaireParser.parse("phq-9.json", questionnaire);
    }

    static String resource(String name) {
        try (InputStream in = DefinitionParsingBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
