package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.core.urgentcare.UrgentCarePlanService;
import fr.relais.core.error.BadInputException;
import fr.relais.core.time.CareZone;
import fr.relais.core.urgentcare.PlanVersion;
import fr.relais.core.urgentcare.UrgentCarePlanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais plan show|edit|history PATIENT}: the urgent care plan, its versions, and emergency (break-glass) access. */
@Command(name = "plan", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {PlanCommand.Show.class, PlanCommand.Edit.class, PlanCommand.History.class})
final class PlanCommand {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);

    /** The JSON of a version: its facts and the plan in the file format of {@code plan edit}. */
    record VersionView(String patientId, int version, String changedBy, java.time.Instant changedAt, String reason, boolean synced,
                       fr.relais.core.urgentcare.UrgentCarePlan plan) {
        static VersionView of(PlanVersion v) {
            return new VersionView(v.patientId().toString(), v.version(), v.changedBy(), v.changedAt(), v.reason(), v.synced(), v.plan());
        }
    }

    @Command(name = "show", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PATIENT", descriptionKey = "report.patient")
        String patient;
        @Option(names = "--emergency", descriptionKey = "plan.emergency")
        boolean emergency;
        @Option(names = "--reason", descriptionKey = "plan.breakGlassReason")
        String reason;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, patient, CommandWiring.URGENT_CARE_PLANS, (root, plans, id) -> {
                var current = emergency ? plans.openInEmergency(id, reason) : plans.current(id);
                PlanVersion v = current.orElseThrow(() -> new BadInputException(patient, "plan.none"));
                root.printer().object(VersionView.of(v), out -> {
                    out.println(root.text("plan.version", v.version(), AT.format(v.changedAt()), v.changedBy(), v.reason()));
                    out.println(UrgentCarePlanJson.writeEdit(new UrgentCarePlanJson.Edit(v.plan(), null)));
                });
                return Cli.OK;
            });
        }
    }

    @Command(name = "edit", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PATIENT", descriptionKey = "report.patient")
        String patient;
        @Option(names = "--file", required = true, paramLabel = "PLAN.json", descriptionKey = "plan.file")
        Path file;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw fr.relais.core.error.FileProblem.unreadable(file.toString(), e);
            }
            UrgentCarePlanJson.Edit edit = UrgentCarePlanJson.parseEdit(file.toString(), json);
            if (edit.plan() == null) {
                throw new BadInputException(file.toString(), "plan.json", "\"plan\" is missing");
            }
            try (OpenStore<UrgentCarePlanService> store = root.open(CommandWiring.URGENT_CARE_PLANS)) {
                UUID id = store.patient(patient);
                PlanVersion v = store.uses().edit(id, edit.plan(), edit.reason());
                root.printer().object(VersionView.of(v), out -> out.println(root.text("plan.saved", v.version())));
                return Cli.OK;
            }
        }
    }

    @Command(name = "history", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PATIENT", descriptionKey = "report.patient")
        String patient;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, patient, CommandWiring.URGENT_CARE_PLANS, (root, plans, id) -> {
                root.printer().list(plans.history(id), List.of(
                        new Column<>("version", "col.version", PlanVersion::version),
                        new Column<>("changedAt", "col.at", v -> AT.format(v.changedAt())),
                        new Column<>("changedBy", "col.author", PlanVersion::changedBy),
                        new Column<>("reason", "col.reason", PlanVersion::reason)), VersionView::of);
                return Cli.OK;
            });
        }
    }

    /** {@code relais handoff PATIENT --out FILE.pdf [--lang fr|en]}: the one-page fiche de liaison. */
    @Command(name = "handoff", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Handoff implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "PATIENT", descriptionKey = "report.patient")
        String patient;
        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", descriptionKey = "report.out")
        Path out;

        @Override
        public Integer call() {
            return ReportCommand.writePatientPdf(spec, patient, out, CommandWiring.HANDOFFS,
                    (handoffs, id, language, stream) -> handoffs.write(id, language, stream));
        }
    }
}
