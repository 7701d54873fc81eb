package fr.relais.app.cli;

import fr.relais.app.cli.output.OutputFormat;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.InsMatricule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code relais ins check MATRICULE}: exit 0 when the key is right, 2 with the reason otherwise. No database needed. The
 * INSi teleservice is {@code relais insi} ({@link InsiCommand}).
 */
@Command(name = "ins", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {InsCommand.Check.class})
final class InsCommand {

    @Command(name = "check", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MATRICULE", descriptionKey = "ins.check.matricule")
        String matricule;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("matricule", matricule);
            try {
                InsMatricule parsed = InsMatricule.parse("MATRICULE", matricule);
                json.put("valid", true);
                json.put("reason", null);
                root.printer().object(json, out -> out.println(root.text("ins.valid", parsed.value())));
                return Cli.OK;
            } catch (BadInputException e) {
                json.put("valid", false);
                json.put("reason", e.reason(root.language()));
                if (root.printer().format() == OutputFormat.JSON) {
                    root.printer().json(json);
                }
                spec.commandLine().getErr().println(root.text("cli.error", e.message(root.language())));
                return Cli.BAD_INPUT;
            }
        }
    }
}
