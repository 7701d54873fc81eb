package fr.relais.app.cli;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.task.WorklistService;
import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.output.Printer;
import fr.relais.core.wording.StatusWords;
import java.util.HashMap;
import java.util.Map;
import fr.relais.app.cli.view.TaskView;
import fr.relais.core.careteam.CareRole;
import fr.relais.core.task.DueFilter;
import fr.relais.core.task.TaskPriority;
import fr.relais.core.task.WorklistItem;
import fr.relais.core.task.WorklistQuery;
import fr.relais.core.time.CareZone;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relais worklist}: open tasks by priority then due time; brings the day up to date first. */
@Command(name = "worklist", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
final class WorklistCommand implements Callable<Integer> {
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);

    @Spec
    CommandSpec spec;
    @Option(names = "--due", paramLabel = "overdue|today|week|all", defaultValue = "all", descriptionKey = "worklist.due")
    String due;
    @Option(names = "--assignee", paramLabel = "PROFESSIONAL_ID", descriptionKey = "worklist.assignee")
    String assignee;
    @Option(names = "--role", descriptionKey = "worklist.role")
    String role;
    @Option(names = "--queue", descriptionKey = "worklist.queue")
    boolean queue;
    @Option(names = "--pathway", descriptionKey = "worklist.pathway")
    String pathway;
    @Option(names = "--priority", paramLabel = "routine|urgent|asap|stat", descriptionKey = "worklist.priority")
    String priority;
    @Option(names = "--patient", descriptionKey = "worklist.patient")
    String patient;
    @Option(names = "--limit", defaultValue = "200", descriptionKey = "patient.list.limit")
    int limit;

    /** What the worklist uses: the start of the day (tasks planned and expired, missing data, escalation), the tasks, who has them. */
    record Uses(Runnable startDay, WorklistService worklist, CareTeamService careTeam) {
    }

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        DueFilter dueFilter = Arguments.enumValue("--due", due, DueFilter.class);
        CareRole careRole = role == null ? null : Arguments.careRole("--role", role, root.language());
        TaskPriority taskPriority = priority == null ? null : Arguments.enumValue("--priority", priority, TaskPriority.class);
        UUID assigneeId = assignee == null ? null : Arguments.uuid("--assignee", assignee);
        Arguments.range("--limit", limit, 1, 100_000);
        try (OpenStore<Uses> store = root.open(CommandWiring.WORKLIST)) {
            Uses uses = store.uses();
            UUID patientId = patient == null ? null : store.patient(patient);
            uses.startDay().run();
            WorklistQuery query = new WorklistQuery(dueFilter, assigneeId, careRole, queue, pathway, taskPriority, patientId);
            List<WorklistItem> items = uses.worklist().query(query, 0, limit);
            // The table in words (priority, role, status, who); CSV keeps the codes scripts read. The id is what
            // `relais task complete` takes.
            StatusWords words = new StatusWords(root.language());
            Map<UUID, String> names = new HashMap<>();
            root.printer().list(items, List.of(
                    new Column<>("id", "col.id", i -> i.task().id()),
                    new Column<>("dueAt", "col.due", i -> DUE.format(i.task().dueAt()), i -> fr.relais.app.wording.DueText.of(i.task(), Printer.DATE_TIME)),
                    new Column<>("priority", "col.priority", i -> i.task().priority(), i -> words.priority(i.task().priority())),
                    new Column<>("patientName", "col.patient", WorklistItem::patientName),
                    new Column<>("title", "col.title", i -> i.task().foreign() ? root.text("task.foreignTitle", i.task().title(root.language()))
                            : i.task().title(root.language())),
                    new Column<>("role", "col.role", i -> i.task().role(), i -> words.role(i.task().role())),
                    new Column<>("assigneeId", "col.assignee", i -> i.task().assigneeId() == null ? root.text("worklist.queueLabel") : i.task().assigneeId(),
                            i -> i.task().assigneeId() == null ? root.text("worklist.queueLabel") : names.computeIfAbsent(i.task().assigneeId(),
                                    id -> uses.careTeam().findProfessional(id).map(p -> p.displayName()).orElse(root.text("worklist.unknownAssignee")))),
                    new Column<>("status", "col.status", i -> i.task().status(), i -> words.task(i.task().status()))),
                    i -> TaskView.of(i.task(), i.patientName(), root.language()));
        }
        return Cli.OK;
    }
}
