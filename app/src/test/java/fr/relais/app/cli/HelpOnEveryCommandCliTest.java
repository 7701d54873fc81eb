package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A nurse who types {@code --help} after any command gets its help, in both languages: never "Missing required
 * options", never a picocli warning about a description it could not format (an unescaped {@code %}).
 */
class HelpOnEveryCommandCliTest {
    @TempDir
    Path dir;

    /** Every command path of the tree, root excluded (e.g. [measure, add]). */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        walk(new CommandLine(new RelaisCommand(Map.of(), (services, language) -> { }, java.time.Clock.fixed(fr.relais.core.TestServices.NOW, java.time.ZoneOffset.UTC))), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> paths) {
        for (var sub : command.getSubcommands().entrySet()) {
            if (!sub.getKey().equals(sub.getValue().getCommandName())) {
                continue; // an alias: the command is walked under its name
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getKey());
            paths.add(subPath);
            walk(sub.getValue(), subPath, paths);
        }
    }

    @Test
    void helpAfterAnyCommandPrintsItsHelpAndExitsZeroInFrenchAndEnglish() {
        List<List<String>> paths = commandPaths();
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("enroll", "measure add", "sync status", "conflicts show");
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        // picocli writes its warnings (a description it cannot format) to the process's stderr, not the command's.
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        List<String> failed = new ArrayList<>();
        try {
            for (String lang : List.of("fr", "en")) {
                for (List<String> path : paths) {
                    List<String> args = new ArrayList<>(List.of("--lang", lang));
                    args.addAll(path);
                    args.add("--help");
                    CliRun run = CliRun.on(dir.resolve("relais.db"), args.toArray(String[]::new));
                    if (run.code() != 0 || !run.err().isEmpty() || !run.out().contains(path.get(path.size() - 1))) {
                        failed.add(String.join(" ", args) + " -> " + run.code() + " " + run.err().strip());
                    }
                }
            }
        } finally {
            System.setErr(stderr);
        }
        assertThat(failed).isEmpty();
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("WARN", "Could not format");
    }

    /**
     * Every text picocli formats (descriptions, headers, footers) is a valid format string ({@code %%} for a percent):
     * picocli formats them when it reads them and, on an error, warns on the process's stderr and prints them raw.
     */
    @Test
    void everyHelpTextIsReadWithoutAPicocliWarningInFrenchAndEnglish() {
        Locale previous = Locale.getDefault();
        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        List<String> texts = new ArrayList<>();
        try {
            for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
                Locale.setDefault(locale);
                collect(new CommandLine(new RelaisCommand(Map.of(), (services, language) -> { }, java.time.Clock.fixed(fr.relais.core.TestServices.NOW, java.time.ZoneOffset.UTC))), texts);
            }
        } finally {
            System.setErr(stderr);
            Locale.setDefault(previous);
        }
        assertThat(texts).isNotEmpty().anyMatch(t -> t.contains("[lb_av], %, g/L"));
        assertThat(warnings.toString(StandardCharsets.UTF_8)).doesNotContain("WARN", "Could not format");
    }

    private static void collect(CommandLine command, List<String> texts) {
        CommandSpec spec = command.getCommandSpec();
        texts.addAll(List.of(spec.usageMessage().description()));
        texts.addAll(List.of(spec.usageMessage().header()));
        texts.addAll(List.of(spec.usageMessage().footer()));
        spec.options().forEach(o -> texts.addAll(List.of(o.description())));
        spec.positionalParameters().forEach(p -> texts.addAll(List.of(p.description())));
        for (CommandLine sub : command.getSubcommands().values()) {
            collect(sub, texts);
        }
    }
}
