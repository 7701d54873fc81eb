package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.directory.DirectoryCache;
import fr.relais.core.directory.DirectoryEntry;
import fr.relais.core.error.BadInputException;
import fr.relais.sync.annuaire.AnnuaireClient;
import fr.relais.sync.annuaire.AnnuaireSettings;
import fr.relais.sync.annuaire.AnnuaireUnavailableException;
import fr.relais.sync.annuaire.PractitionerQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relais annuaire search|refresh|add}: the Annuaire Santé (RPPS directory) and the local copy of what was found. */
@Command(name = "annuaire", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {AnnuaireCommand.Search.class, AnnuaireCommand.Refresh.class, AnnuaireCommand.Add.class})
final class AnnuaireCommand {

    /**
     * What the directory's commands use: the local copy, the cercle de soins a listing joins, and the client of the
     * Annuaire Santé, which the composition builds from the settings the command reads (options, then environment).
     */
    record Uses(DirectoryCache directory, CareTeamService careTeam, Function<AnnuaireSettings, AnnuaireClient> clients) {
    }

    /** Where the directory is and the key to it: options first, then the environment. */
    static final class Connection {
        @Option(names = "--server", paramLabel = "URL", descriptionKey = "annuaire.server")
        String server;
        @Option(names = "--api-key-file", paramLabel = "FILE", descriptionKey = "annuaire.keyFile")
        Path keyFile;

        AnnuaireClient client(RelaisCommand root, Uses uses) {
            return uses.clients().apply(AnnuaireSettings.from(server, keyFile, root.environment()));
        }
    }

    /**
     * A sub-command that asks the Annuaire Santé, on the store opened with what the directory's commands use; the
     * directory out of reach: the reason in words on the error stream, exit 1 (nothing was changed).
     */
    abstract static class Online extends Leaf.WithServices<Uses> {
        Online() {
            super(CommandWiring.ANNUAIRE);
        }

        abstract int ask(RelaisCommand root, Uses uses);

        @Override
        final int run(RelaisCommand root, Uses uses) {
            try {
                return ask(root, uses);
            } catch (AnnuaireUnavailableException e) {
                spec.commandLine().getErr().println(root.text("cli.error", e.detail().message(root.language())));
                return Cli.FAILURE;
            }
        }
    }

    @Command(name = "search", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Search extends Online {
        @Option(names = "--name", descriptionKey = "annuaire.name")
        String name;
        @Option(names = "--rpps", paramLabel = "RPPS|IDNPS", descriptionKey = "annuaire.rpps")
        String rpps;
        @Option(names = "--profession", descriptionKey = "annuaire.profession")
        String profession;
        @Option(names = "--specialty", paramLabel = "CODE", descriptionKey = "annuaire.specialty")
        String specialty;
        @Option(names = "--commune", descriptionKey = "annuaire.commune")
        String commune;
        @Option(names = "--offline", descriptionKey = "annuaire.offline")
        boolean offline;
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();

        @Override
        int ask(RelaisCommand root, Uses uses) {
            List<DirectoryEntry> entries;
            if (offline) {
                if (name == null || name.isBlank()) {
                    throw new BadInputException("--name", "annuaire.noCriterion");
                }
                // Deactivated professionals stay listed, marked, with the last name the directory gave them.
                entries = uses.directory().searchByName(name, true);
            } else {
                PractitionerQuery query = new PractitionerQuery(name, rpps, profession, specialty, commune);
                AnnuaireClient.Found found = connection.client(root, uses).search(query, uses.directory());
                entries = found.entries();
                if (found.truncated()) {
                    spec.commandLine().getErr().println(root.text("annuaire.truncated", entries.size()));
                }
            }
            root.printer().list(entries, List.of(
                    new Column<>("rpps", "col.rpps", DirectoryEntry::rpps),
                    new Column<>("name", "col.name", e -> e.displayName() + (e.active() ? "" : " " + root.text("annuaire.inactive"))),
                    new Column<>("profession", "col.profession", e -> e.professionCode() == null ? "" : e.profession() + " (" + e.professionCode() + ")"),
                    new Column<>("mailbox", "col.mailbox", e -> e.preferredMailbox() == null ? "" : e.preferredMailbox()),
                    new Column<>("activities", "col.activities", e -> e.activities().stream()
                            .map(a -> (a.organizationName() == null ? "?" : a.organizationName()) + (a.city() == null ? "" : ", " + a.city()))
                            .collect(Collectors.joining(" ; ")))), e -> e);
            return Cli.OK;
        }
    }

    @Command(name = "refresh", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Refresh extends Online {
        @picocli.CommandLine.Mixin
        Connection connection = new Connection();

        @Override
        int ask(RelaisCommand root, Uses uses) {
            int updated = connection.client(root, uses).refresh(uses.directory());
            int cached = uses.directory().size();
            root.printer().object(Map.of("updated", updated, "cached", cached), out -> out.println(root.text("annuaire.refreshed", updated, cached)));
            return Cli.OK;
        }
    }

    /** Adds a professional found in the directory (from the local copy: works offline) to a patient's cercle de soins. */
    @Command(name = "add", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--rpps", required = true, paramLabel = "RPPS|IDNPS", descriptionKey = "annuaire.rpps")
        String rpps;
        @picocli.CommandLine.Mixin
        CareTeamCommand.Membership membership = new CareTeamCommand.Membership();

        @Override
        public Integer call() {
            return membership.add(Leaf.root(spec), CommandWiring.ANNUAIRE, (uses, patientId, role, start) -> {
                DirectoryEntry entry = uses.directory().byRpps(rpps.trim())
                        .orElseThrow(() -> new BadInputException(rpps, "annuaire.notCached", rpps));
                return uses.careTeam().assignFromDirectory(patientId, entry, role, start);
            });
        }
    }
}
