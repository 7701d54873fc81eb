package fr.relais.app.cli;

import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais enrollment pause|resume|stop ID --reason ...} and {@code move ID --version V --reason ...}. */
@Command(name = "enrollment", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {EnrollmentCommand.Pause.class, EnrollmentCommand.Resume.class, EnrollmentCommand.Stop.class,
                EnrollmentCommand.Move.class})
final class EnrollmentCommand {

    abstract static class Change implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "enrollment.id")
        String id;
        @Option(names = "--reason", required = true, descriptionKey = "option.reason")
        String reason;

        abstract Enrollment apply(EnrollmentService enrollments, UUID id);

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            UUID enrollmentId = Arguments.uuid("ID", id);
            try (OpenStore<EnrollmentService> store = root.open(CommandWiring.ENROLLMENTS)) {
                Enrollment e = apply(store.uses(), enrollmentId);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", e.id().toString());
                json.put("status", e.status().name());
                json.put("version", e.templateVersion());
                json.put("reason", e.statusReason());
                root.printer().object(json, out -> out.println(e.id() + " " + e.status()));
            }
            return Cli.OK;
        }
    }

    @Command(name = "pause", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Pause extends Change {
        @Override
        Enrollment apply(EnrollmentService enrollments, UUID id) {
            return enrollments.pause(id, reason);
        }
    }

    @Command(name = "resume", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Resume extends Change {
        @Override
        Enrollment apply(EnrollmentService enrollments, UUID id) {
            return enrollments.resume(id, reason);
        }
    }

    @Command(name = "stop", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Stop extends Change {
        @Override
        Enrollment apply(EnrollmentService enrollments, UUID id) {
            return enrollments.stop(id, reason);
        }
    }

    @Command(name = "move", resourceBundle = "fr.relais.app.i18n.cli")
    static final class Move extends Change {
        @picocli.CommandLine.Mixin
        HelpOption help;
        @Option(names = "--version", required = true, descriptionKey = "pathway.version")
        int version;

        @Override
        Enrollment apply(EnrollmentService enrollments, UUID id) {
            return enrollments.moveToVersion(id, version, reason);
        }
    }
}
