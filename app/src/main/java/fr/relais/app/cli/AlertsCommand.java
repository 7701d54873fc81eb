package fr.relais.app.cli;

import fr.relais.core.alert.AlertQueries;
import fr.relais.core.identity.PatientService;
import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.output.Printer;
import fr.relais.core.wording.AlertWords;
import fr.relais.core.wording.Quantities;
import java.util.HashMap;
import fr.relais.app.cli.view.AlertView;
import fr.relais.core.alert.Alert;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relais alerts [--status open|all] [--patient ID]}: red first, then oldest first. */
@Command(name = "alerts", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
final class AlertsCommand implements Callable<Integer> {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);

    @Spec
    CommandSpec spec;
    @Option(names = "--status", paramLabel = "open|all", defaultValue = "open", descriptionKey = "alerts.status")
    String status;
    @Option(names = "--patient", descriptionKey = "worklist.patient")
    String patient;

    enum Scope { OPEN, ALL }

    /** What the list uses: the start of the day (tasks planned, missing data, escalation), the alerts, the names. */
    record Uses(Runnable startDay, AlertQueries alerts, PatientService patients) {
    }

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        boolean openOnly = Arguments.enumValue("--status", status, Scope.class) == Scope.OPEN;
        try (OpenStore<Uses> store = root.open(CommandWiring.ALERT_LIST)) {
            Uses uses = store.uses();
            UUID patientId = patient == null ? null : store.patient(patient);
            uses.startDay().run();
            List<Alert> alerts = uses.alerts().list(openOnly, patientId);
            // The table is read by a nurse (level, status, patient and explanation in words); CSV, like JSON, keeps the
            // stable enum names, ids and the engine's explanation. The id stays: it is what `relais alert ack` takes.
            AlertWords words = new AlertWords(root.language());
            Quantities quantities = new Quantities(root.language());
            Map<UUID, String> names = new HashMap<>();
            root.printer().list(alerts, List.of(
                    new Column<>("id", "col.id", Alert::id),
                    new Column<>("level", "col.level", Alert::level, a -> words.levelTitle(a.level())),
                    new Column<>("status", "col.status", Alert::status, a -> words.status(a.status())),
                    new Column<>("openedAt", "col.at", a -> AT.format(a.openedAt()), a -> Printer.DATE_TIME.format(a.openedAt())),
                    new Column<>("patientId", "col.patient", Alert::patientId,
                            a -> names.computeIfAbsent(a.patientId(), id -> uses.patients().get(id).displayName())),
                    new Column<>("ruleId", "col.rule", Alert::ruleId, a -> quantities.measureName(a.code())),
                    new Column<>("explanation", "col.explanation", Alert::explanation,
                            a -> words.explanation(a.explanation(), a.level()))), AlertView::of);
        }
        return Cli.OK;
    }
}
