package fr.relais.app.cli;

import fr.relais.core.identity.InsMatricule;
import fr.relais.core.time.IsoInput;
import fr.relais.app.wording.InsiResultText;
import fr.relais.app.wording.Messages;
import fr.relais.core.i18n.Localization;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.insi.InsiService;
import fr.relais.sync.insi.InsiSettings;
import fr.relais.sync.insi.InsiUnavailableException;
import fr.relais.sync.insi.VitaleReading;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code relais insi search|verify --patient ID}: asks the INSi teleservice configured by {@value InsiSettings#CONFIG_VARIABLE}
 * about a patient. An identity found is recorded (RECUP, or QUAL after a high-trust document); none, homonyms or
 * differing traits change nothing and say what to do; the service down exits 1 and leaves the file as it was.
 */
@Command(name = "insi", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {InsiCommand.Search.class, InsiCommand.Verify.class})
final class InsiCommand {

    /** Asks, prints the outcome in French (or JSON), and exits 0, or 1 when the service could not be reached. */
    static int ask(RelaisCommand root, CommandSpec spec, SyncModule sync, Function<InsiService, InsiService.Result> question) {
        InsiService.Result result;
        try {
            result = question.apply(sync.insi(InsiSettings.teleservice(root.environment())));
        } catch (InsiUnavailableException e) {
            spec.commandLine().getErr().println(root.text("cli.error", e.detail().message(root.language())));
            return Cli.FAILURE;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", result.outcome().name());
        json.put("identityStatus", result.after().status().name());
        json.put("differences", result.differences().stream().map(d -> Map.of("trait", d.trait().name(), "file", d.file(),
                "reference", d.reference())).toList());
        List<String> lines = InsiResultText.lines(result, Localization.of(Messages.BUNDLE, root.language()), root.language());
        root.printer().object(json, out -> lines.forEach(out::println));
        return Cli.OK;
    }

    /** {@code relais insi search --patient ID [--vitale NUMBER --vitale-birth-date DATE --rank N]}. */
    @Command(name = "search", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Search extends Leaf.WithPatient<SyncModule> {
        @Option(names = "--vitale", paramLabel = "NUMBER", descriptionKey = "insi.vitale")
        String vitale;
        @Option(names = "--vitale-birth-date", paramLabel = "DATE", descriptionKey = "insi.vitaleBirthDate")
        String vitaleBirthDate;
        @Option(names = "--rank", paramLabel = "N", defaultValue = "1", descriptionKey = "insi.rank")
        int rank;

        Search() {
            super(CommandWiring.SYNC);
        }

        @Override
        int run(RelaisCommand root, SyncModule sync, UUID id) {
            if (vitale == null) {
                return ask(root, spec, sync, insi -> insi.search(id));
            }
            InsMatricule insured = InsMatricule.parse("--vitale", vitale);
            VitaleReading reading = new VitaleReading(insured, IsoInput.date("--vitale-birth-date",
                    vitaleBirthDate == null ? "" : vitaleBirthDate), rank);
            return ask(root, spec, sync, insi -> insi.searchByVitale(id, reading));
        }
    }

    /** {@code relais insi verify --patient ID}: the patient's INS checked with their traits. */
    @Command(name = "verify", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Verify extends Leaf.WithPatient<SyncModule> {
        Verify() {
            super(CommandWiring.SYNC);
        }

        @Override
        int run(RelaisCommand root, SyncModule sync, UUID id) {
            return ask(root, spec, sync, insi -> insi.verify(id));
        }
    }
}
