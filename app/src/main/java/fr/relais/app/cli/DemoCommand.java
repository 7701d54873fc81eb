package fr.relais.app.cli;

import fr.relais.core.demo.DemoGenerator;
import fr.relais.core.demo.DemoSummary;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relais demo --patients N [--seed S] [--open]}: a fictitious population, through the real services. */
@Command(name = "demo", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--patients", defaultValue = "300", descriptionKey = "demo.patients")
    int patients;
    @Option(names = "--seed", defaultValue = "2026", descriptionKey = "demo.seed")
    long seed;
    @Option(names = "--open", descriptionKey = "demo.open")
    boolean open;

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        var err = spec.commandLine().getErr();
        OpenStore<DemoGenerator> store = root.open(CommandWiring.DEMO);
        try {
            DemoSummary summary = store.uses().generate(patients, seed,
                    done -> err.println(root.text("demo.progress", done, patients)));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("database", root.databaseFile().toString());
            json.put("patients", summary.patients());
            json.put("professionals", summary.professionals());
            json.put("careTeamMembers", summary.careTeamMembers());
            json.put("alreadyPresent", summary.alreadyPresent());
            root.printer().object(json, out -> out.println(summary.alreadyPresent()
                    ? root.text("demo.already", root.databaseFile(), summary.patients())
                    : root.text("demo.done", summary.patients(), summary.professionals(), root.databaseFile())));
            if (open) {
                store.showDesktop(root.gui(), root.language());
            }
        } finally {
            store.close();
        }
        return Cli.OK;
    }
}
