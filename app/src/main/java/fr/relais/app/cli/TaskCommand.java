package fr.relais.app.cli;

import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.identity.PatientService;
import fr.relais.core.task.TaskService;
import fr.relais.app.cli.view.TaskView;
import fr.relais.core.error.BadInputException;
import fr.relais.core.task.Task;
import fr.relais.core.time.IsoInput;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais task complete|cancel|postpone|assign ID ...}: each change records who, when and the note. */
@Command(name = "task", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {TaskCommand.Complete.class, TaskCommand.Cancel.class, TaskCommand.Postpone.class, TaskCommand.Assign.class})
final class TaskCommand {

    /** What a change of task uses: the tasks, the patient it is about and who has it, by name. */
    record Uses(TaskService tasks, PatientService patients, CareTeamService careTeam) {
    }

    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "task.id")
        String id;
        @Option(names = "--note", descriptionKey = "task.note")
        String note;

        abstract Task apply(TaskService tasks, UUID id);

        /**
         * What the nurse reads once the change is made: the task by its title and patient, its status in words, and who
         * has it ("« Pesée » de MARTIN Claire : réalisée, confiée à DURAND Anne"), never its id or status code.
         */
        String done(RelaisCommand root, Uses uses, Task task, String patientName) {
            String title = task.foreign() ? root.text("task.foreignTitle", task.title(root.language())) : task.title(root.language());
            String status = new fr.relais.core.wording.StatusWords(root.language()).task(task.status());
            if (task.assigneeId() == null) {
                return root.text("task.changedInQueue", title, patientName, status);
            }
            String who = uses.careTeam().findProfessional(task.assigneeId()).map(fr.relais.core.careteam.Professional::displayName)
                    .orElse(root.text("worklist.unknownAssignee"));
            return root.text("task.changed", title, patientName, status, who);
        }

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            UUID taskId = Arguments.uuid("ID", id);
            try (OpenStore<Uses> store = root.open(CommandWiring.TASKS)) {
                Uses uses = store.uses();
                Task task = apply(uses.tasks(), taskId);
                String patientName = uses.patients().get(task.patientId()).displayName();
                root.printer().object(TaskView.of(task, patientName, root.language()), out -> out.println(done(root, uses, task, patientName)));
            }
            return Cli.OK;
        }
    }

    @Command(name = "complete", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Complete extends Change {
        @Option(names = "--outcome", descriptionKey = "task.outcome")
        String outcome;

        @Override
        Task apply(TaskService tasks, UUID id) {
            return tasks.complete(id, outcome, note);
        }
    }

    @Command(name = "cancel", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Cancel extends Change {
        @Override
        Task apply(TaskService tasks, UUID id) {
            return tasks.cancel(id, note);
        }
    }

    @Command(name = "postpone", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Postpone extends Change {
        @Option(names = "--to", required = true, paramLabel = "DATE-TIME", descriptionKey = "task.to")
        String to;

        @Override
        Task apply(TaskService tasks, UUID id) {
            return tasks.postpone(id, IsoInput.dateTime("--to", to), note);
        }
    }

    @Command(name = "assign", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Assign extends Change {
        @Option(names = "--to", paramLabel = "PROFESSIONAL_ID", descriptionKey = "task.assignee")
        String to;
        @Option(names = "--queue", descriptionKey = "task.queue")
        boolean queue;

        @Override
        Task apply(TaskService tasks, UUID id) {
            if ((to == null) == !queue) {
                throw new BadInputException("--to", "task.assignTarget");
            }
            return tasks.assign(id, queue ? null : Arguments.uuid("--to", to), note);
        }
    }
}
