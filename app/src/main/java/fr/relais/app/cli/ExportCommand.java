package fr.relais.app.cli;

import fr.relais.core.report.ReportFile;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais export patient ID --out FILE.json}: the patient's record as a FHIR Bundle (portability). */
@Command(name = "export", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = ExportCommand.PatientRecord.class)
final class ExportCommand {

    @Command(name = "patient", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class PatientRecord implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "report.patient")
        String patient;
        @Option(names = "--out", required = true, paramLabel = "FILE.json", descriptionKey = "export.out")
        Path out;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, patient, CommandWiring.RECORD_EXPORT, (root, export, id) -> {
                var bundle = export.export(id, fr.relais.sync.fhir.IppNamespace.from(root.environment()));
                ReportFile.writeAtomically(out, stream -> export.write(bundle, stream));
                root.printer().object(Map.of("file", out.toAbsolutePath().toString()), o -> o.println(out.toAbsolutePath()));
                return Cli.OK;
            });
        }
    }
}
