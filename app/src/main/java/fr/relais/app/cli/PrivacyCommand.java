package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.view.PatientView;
import fr.relais.app.config.WorkstationSettings;
import fr.relais.core.privacy.PatientAnonymisation;
import fr.relais.core.error.BadInputException;
import fr.relais.core.identity.Patient;
import fr.relais.core.privacy.PatientAnonymisation.RetentionCandidate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code relais anonymise PATIENT --reason R} (a patient's request) and {@code relais retention [--years N] [--apply
 * --reason R]} (the records past the retention period): issue 9. An administrator's work; it cannot be undone.
 */
final class PrivacyCommand {
    /** Without a setting, the twenty years French hospitals keep a medical record (CSP R1112-7). */
    static final int DEFAULT_RETENTION_YEARS = 20;

    private PrivacyCommand() {
    }

    @Command(name = "anonymise", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Anonymise implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PATIENT", descriptionKey = "anonymise.patient")
        String patient;
        @Option(names = "--reason", required = true, descriptionKey = "anonymise.reason")
        String reason;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, patient, CommandWiring.ANONYMISATION, (root, anonymisation, patientId) -> {
                Patient done = anonymisation.anonymise(patientId, reason);
                root.printer().object(PatientView.of(done), o -> o.println(root.text("anonymise.done", done.id())));
                return Cli.OK;
            });
        }
    }

    @Command(name = "retention", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Retention implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--years", descriptionKey = "retention.years")
        Integer years;
        @Option(names = "--apply", descriptionKey = "retention.apply")
        boolean apply;
        @Option(names = "--reason", descriptionKey = "anonymise.reason")
        String reason;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            int period = years != null ? years : settingYears(root.environment());
            if (apply && (reason == null || reason.isBlank())) {
                throw new BadInputException("--reason", "privacy.reasonRequired");
            }
            try (OpenStore<PatientAnonymisation> store = root.open(CommandWiring.ANONYMISATION)) {
                PatientAnonymisation anonymisation = store.uses();
                List<RetentionCandidate> due = anonymisation.pastRetention(period);
                if (apply) {
                    due.forEach(c -> anonymisation.anonymise(c.patientId(), reason));
                }
                root.printer().list(due, List.of(
                        new Column<>("patientId", "col.patient", RetentionCandidate::patientId),
                        new Column<>("lastActivity", "col.at", RetentionCandidate::lastActivity)), c -> {
                            Map<String, Object> json = new LinkedHashMap<>();
                            json.put("patientId", c.patientId().toString());
                            json.put("lastActivity", c.lastActivity().toString());
                            json.put("anonymised", apply);
                            return json;
                        });
            }
            return Cli.OK;
        }

        private static int settingYears(Map<String, String> settings) {
            String value = settings.get(WorkstationSettings.RETENTION_YEARS_VARIABLE);
            return value == null || value.isBlank() ? DEFAULT_RETENTION_YEARS : Integer.parseInt(value.strip());
        }
    }
}
