package fr.relais.app.cli;

import fr.relais.core.pathway.Enrollment;
import fr.relais.core.pathway.EnrollmentService;
import fr.relais.core.time.IsoInput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relais enroll --patient ID --pathway ID [--version V] [--start YYYY-MM-DD] [--paper-consent --reason R]}:
 * prints the enrollment id.
 */
@Command(name = "enroll", resourceBundle = "fr.relais.app.i18n.cli")
final class EnrollCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;
    @Spec
    CommandSpec spec;
    @Option(names = "--patient", required = true, descriptionKey = "enroll.patient")
    String patient;
    @Option(names = "--pathway", required = true, descriptionKey = "enroll.pathway")
    String pathway;
    @Option(names = "--version", descriptionKey = "pathway.version")
    Integer version;
    @Option(names = "--start", paramLabel = "YYYY-MM-DD", descriptionKey = "enroll.start")
    String start;
    @Option(names = "--paper-consent", descriptionKey = "enroll.paperConsent")
    boolean paperConsent;
    @Option(names = "--reason", descriptionKey = "enroll.paperConsentReason")
    String reason;

    @Override
    public Integer call() {
        RelaisCommand root = Leaf.root(spec);
        LocalDate startDate = start == null ? null : IsoInput.date("--start", start);
        if (reason != null && !paperConsent) {
            throw new fr.relais.core.error.BadInputException("--reason", "enrollment.reasonWithoutPaper");
        }
        // A telemonitoring pathway needs the patient's consent; --paper-consent declares one signed on paper.
        String paperConsentReason = paperConsent ? (reason == null ? "" : reason) : null;
        try (OpenStore<EnrollmentService> store = root.open(CommandWiring.ENROLLMENTS)) {
            EnrollmentService enrollments = store.uses();
            var patientId = store.patient(patient);
            Enrollment e = enrollments.enroll(patientId, pathway, version, startDate, paperConsentReason);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", e.id().toString());
            json.put("patientId", e.patientId().toString());
            json.put("pathwayId", e.templateId());
            json.put("version", e.templateVersion());
            json.put("startDate", e.startDate());
            json.put("endDate", e.endDate());
            json.put("tasks", enrollments.tasksOf(e.id()).size());
            root.printer().object(json, out -> out.println(e.id()));
        }
        return Cli.OK;
    }
}
