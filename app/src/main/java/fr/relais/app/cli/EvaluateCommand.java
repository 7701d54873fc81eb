package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code relais evaluate}: reruns every alert rule over every measure (same alerts as incremental evaluation). */
@Command(name = "evaluate", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        try (RelaisCore services = root.openServices()) {
            services.alerts().evaluateAll();
            int open = services.alerts().list(true, null).size();
            root.printer().object(Map.of("openAlerts", open), out -> out.println(root.text("evaluate.done", open)));
        }
        return Cli.OK;
    }
}
