package fr.relais.app.cli;

import fr.relais.app.rights.PermissionMatrix;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line's check against the permission matrix (issue 23): once the session is signed in and before the
 * command reads or writes anything, the command that was typed (and its widening options) must be allowed to the
 * session's roles. A refusal is an {@link fr.relais.core.session.AccessDeniedException}: French message, exit 1,
 * nothing written. Services keep their own checks; this one makes sure no command escapes the matrix.
 */
final class CommandGate {
    private CommandGate() {
    }

    /** The path of {@code command} below {@code relais}: how the matrix names it. */
    static String name(CommandLine command) {
        String qualified = command.getCommandSpec().qualifiedName(" ");
        String rootName = command.getCommandSpec().root().name();
        return qualified.equals(rootName) ? "" : qualified.substring(rootName.length() + 1);
    }

    /** Fails unless {@code session} holds every permission the typed command needs. */
    static void check(ParseResult root, UserSession session) {
        ParseResult leaf = leaf(root);
        Set<String> options = new TreeSet<>();
        for (OptionSpec option : leaf.matchedOptions()) {
            options.add(option.longestName());
        }
        for (Permission needed : PermissionMatrix.required(name(leaf.commandSpec().commandLine()), options)) {
            session.require(needed);
        }
    }

    private static ParseResult leaf(ParseResult root) {
        ParseResult leaf = root;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf;
    }
}
