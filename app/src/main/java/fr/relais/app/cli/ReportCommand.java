package fr.relais.app.cli;

import fr.relais.core.RelaisCore;
import fr.relais.core.error.BadInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        subcommands = ReportCommand.PatientReport.class)
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
            RelaisCommand root = Leaf.root(spec);
            if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                throw new BadInputException("--out", "report.pdfOnly", out.toString());
            }
            try (RelaisCore services = root.openServices()) {
                UUID id = services.patients().resolve(patient).id();
                // Written beside the target then moved: a failed report never leaves half a file under the final name.
                Path partial = out.resolveSibling(out.getFileName() + ".part");
                try (OutputStream stream = Files.newOutputStream(partial)) {
                    services.reports().write(id, root.language(), stream);
                }
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new BadInputException("--out", "report.write", out.toString(), e.getMessage());
            }
            root.printer().object(Map.of("file", out.toAbsolutePath().toString()), o -> o.println(out.toAbsolutePath()));
            return Cli.OK;
        }
    }
}
