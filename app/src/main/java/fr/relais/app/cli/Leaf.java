package fr.relais.app.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Sub-commands reach the global options through the root command. */
final class Leaf {
    private Leaf() {
    }

    static RelaisCommand root(CommandSpec spec) {
        return (RelaisCommand) spec.root().userObject();
    }
}
