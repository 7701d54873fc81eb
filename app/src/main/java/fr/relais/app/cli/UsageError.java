package fr.relais.app.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command line picocli could not parse, said in the user's language: which option is missing, unknown, repeated or
 * has a value that is not one. picocli's own messages ("Missing required option: '--out=FILE'", "Unknown option")
 * are English; the command-line fuzz campaign of issue 23 found them reaching users.
 */
final class UsageError {
    private UsageError() {
    }

    static String text(RelaisCommand root, CommandLine.ParameterException e) {
        if (e instanceof CommandLine.MissingParameterException missing) {
            return root.text("cli.usage.missing", missing.getMissing().stream().map(UsageError::name).collect(Collectors.joining(", ")));
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            return root.text("cli.usage.unknown", String.join(" ", unmatched.getUnmatched()));
        }
        if (e instanceof CommandLine.OverwrittenOptionException repeated) {
            return root.text("cli.usage.repeated", name(repeated.getOverwritten()));
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            return root.text("cli.usage.exclusive");
        }
        if (e.getArgSpec() != null && e.getValue() != null) {
            return root.text("cli.usage.invalid", name(e.getArgSpec()), e.getValue());
        }
        if (e.getArgSpec() != null) {
            return root.text("cli.usage.option", name(e.getArgSpec()));
        }
        return root.text("cli.usage.other");
    }

    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
