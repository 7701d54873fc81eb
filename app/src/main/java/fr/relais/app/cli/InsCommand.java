package fr.relais.app.cli;

import fr.relais.app.cli.output.OutputFormat;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.sync.insi.InsiTeleservice;
import fr.relais.sync.insi.UnconfiguredInsi;
import fr.relais.core.identity.InsMatricule;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import fr.relais.core.identity.PatientService;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais ins check MATRICULE}: exit 0 when the key is right, 2 with the reason otherwise. No database needed. */
@Command(name = "ins", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {InsCommand.Check.class, InsCommand.Fetch.class, InsCommand.Verify.class})
final class InsCommand {

    /** The INSi teleservice of this workstation: none can be reached without a CPS card or an IGC Santé certificate. */
    static InsiTeleservice teleservice() {
        return new UnconfiguredInsi();
    }

    /** Asks the teleservice about a patient and prints its outcome. */
    static int ask(RelaisCommand root, PatientService patients, UUID id,
            java.util.function.BiFunction<InsiTeleservice, Patient, InsiTeleservice.Answer> question) {
        Patient before = patients.get(id);
        InsiTeleservice.Answer answer = question.apply(teleservice(), before);
        // The one legitimate route to RECUP/QUAL: the identity the teleservice found is recorded as its answer.
        var recorded = answer.identity().map(found -> patients.recordInsiAnswer(id, found, "INSi"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("outcome", answer.outcome().name());
        json.put("identityStatus", recorded.map(p -> p.status().name()).orElse(null));
        root.printer().object(json, out -> out.println(answer.outcome()
                + recorded.map(p -> " " + root.text("patient.evidence.done", new fr.relais.core.wording.StatusWords(root.language()).identityLevel(before.status()),
                        new fr.relais.core.wording.StatusWords(root.language()).identityLevel(p.status()))).orElse("")));
        return Cli.OK;
    }

    /** {@code relais ins fetch --patient ID}: asks INSi for the patient's INS from their traits. */
    @Command(name = "fetch", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Fetch extends Leaf.WithPatient<PatientService> {
        Fetch() {
            super(CommandWiring.PATIENTS);
        }

        @Override
        int run(RelaisCommand root, PatientService patients, UUID id) {
            return ask(root, patients, id, (insi, p) -> insi.search(p.traits()));
        }
    }

    /** {@code relais ins verify --patient ID}: asks INSi to confirm the patient's INS and traits. */
    @Command(name = "verify", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Verify extends Leaf.WithPatient<PatientService> {
        Verify() {
            super(CommandWiring.PATIENTS);
        }

        @Override
        int run(RelaisCommand root, PatientService patients, UUID id) {
            return ask(root, patients, id, (insi, p) -> {
                if (p.ins() == null) {
                    throw new BadInputException(patient, "ins.none", patient);
                }
                return insi.verify(p.ins(), p.traits());
            });
        }
    }

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
