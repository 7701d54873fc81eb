package fr.relais.app.cli;

import fr.relais.core.report.ReportFile;
import fr.relais.core.error.BadInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais report patient ID --out FILE.pdf [--lang fr|en]}: one patient's pathway report, PDF/A. */
@Command(name = "report", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ReportCommand.PatientReport.class, ReportCommand.Cohort.class})
final class ReportCommand {

    @Command(name = "patient", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class PatientReport implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "report.patient")
        String patient;
        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", descriptionKey = "report.out")
        Path out;

        @Override
        public Integer call() {
            return writePatientPdf(spec, patient, out, CommandWiring.PATIENT_REPORTS, (reports, id, language, stream) -> reports.write(id, language, stream));
        }
    }

    /** A PDF about one patient, written by {@code document}. */
    interface PatientDocument<N> {
        void write(N uses, UUID patientId, fr.relais.core.i18n.Language language, java.io.OutputStream out);
    }

    /** Writes a patient's PDF under {@code out} (only complete, only .pdf) and prints the file's path. */
    static <N> int writePatientPdf(CommandSpec spec, String patient, Path out, Wiring<N> wiring, PatientDocument<N> document) {
        RelaisCommand root = Leaf.root(spec);
        if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            throw new BadInputException("--out", "report.pdfOnly", out.toString());
        }
        try (OpenStore<N> store = root.open(wiring)) {
            UUID id = store.patient(patient);
            ReportFile.writeAtomically(out, stream -> document.write(store.uses(), id, root.language(), stream));
        }
        root.printer().object(Map.of("file", out.toAbsolutePath().toString()), o -> o.println(out.toAbsolutePath()));
        return Cli.OK;
    }

    /** What the cohort report uses: the indicators, and who prints them (named on the PDF). */
    record CohortUses(fr.relais.core.report.CohortReportService cohorts, fr.relais.core.session.UserSession session) {
    }

    /** {@code relais report cohort --pathway ID --from DATE --to DATE --out FILE.pdf|.csv|.json [--with-identity]}. */
    @Command(name = "cohort", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Cohort implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--pathway", required = true, paramLabel = "ID", descriptionKey = "report.pathway")
        String pathway;
        @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "report.from")
        String from;
        @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "report.to")
        String to;
        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "report.cohortOut")
        Path out;
        @Option(names = "--with-identity", descriptionKey = "report.withIdentity")
        boolean withIdentity;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            String kind = name.endsWith(".pdf") ? "pdf" : name.endsWith(".csv") ? "csv" : name.endsWith(".json") ? "json" : null;
            if (kind == null) {
                throw new BadInputException("--out", "report.format", out.toString());
            }
            var query = new fr.relais.core.report.CohortQuery(pathway, fr.relais.core.time.IsoInput.date("--from", from),
                    fr.relais.core.time.IsoInput.date("--to", to), withIdentity);
            try (OpenStore<CohortUses> store = root.open(CommandWiring.COHORTS)) {
                CohortUses uses = store.uses();
                var report = uses.cohorts().compute(query);
                ReportFile.writeAtomically(out, stream -> {
                    switch (kind) {
                        case "pdf" -> fr.relais.core.report.CohortReportWriter.pdf(report, root.language(),
                                uses.session().actor().displayName(), stream);
                        case "csv" -> fr.relais.core.report.CohortReportWriter.csv(report, root.language(), stream);
                        default -> fr.relais.core.report.CohortReportWriter.json(report, stream);
                    }
                });
                root.printer().object(Map.of("file", out.toAbsolutePath().toString(), "enrollments", report.indicators().enrollments()),
                        o -> o.println(out.toAbsolutePath()));
            }
            return Cli.OK;
        }
    }
}
