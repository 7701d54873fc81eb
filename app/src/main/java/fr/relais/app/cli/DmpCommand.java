package fr.relais.app.cli;

import fr.relais.core.i18n.Language;
import fr.relais.core.messaging.DmpDocumentKind;
import fr.relais.core.messaging.DmpFiling;
import fr.relais.core.report.HandoffService;
import fr.relais.core.report.PatientReportService;
import fr.relais.sync.composition.SyncModule;
import fr.relais.sync.dmp.DmpSettings;
import fr.relais.sync.dmp.DmpUnavailableException;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code relais dmp file --patient ID --document report|plan}: files the pathway report or the urgent care plan in the
 * patient's DMP (configured by {@value DmpSettings#CONFIG_VARIABLE}), as the signed-in professional. A provisional
 * identity, an opposed patient or an author without RPPS is refused (exit 2) before anything leaves; an unreachable
 * DMP exits 1, nothing recorded.
 */
@Command(name = "dmp", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, subcommands = DmpCommand.File.class)
final class DmpCommand {

    /** The DMP service and the two documents it files. */
    record Uses(SyncModule sync, PatientReportService reports, HandoffService handoffs) {
    }

    @Command(name = "file", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class File extends Leaf.WithPatient<Uses> {
        @Option(names = "--document", required = true, paramLabel = "report|plan", descriptionKey = "dmp.document")
        String document;

        File() {
            super(CommandWiring.DMP);
        }

        @Override
        int run(RelaisCommand root, Uses uses, UUID id) {
            DmpDocumentKind kind = switch (document.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "report" -> DmpDocumentKind.PATHWAY_REPORT;
                case "plan" -> DmpDocumentKind.URGENT_CARE_PLAN;
                default -> throw new fr.relais.core.error.BadInputException("--document", "dmp.document", document);
            };
            DmpSettings settings = DmpSettings.from(root.environment());
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            // The document as it reads today, in French (the DMP's readers are French professionals).
            if (kind == DmpDocumentKind.PATHWAY_REPORT) {
                uses.reports().write(id, Language.FR, pdf);
            } else {
                uses.handoffs().write(id, Language.FR, pdf);
            }
            String title = root.text("dmp.title." + kind.name());
            DmpFiling filing;
            try {
                filing = uses.sync().dmp(settings).file(id, kind, title, pdf.toByteArray(), uses.sync().dmpAuthor());
            } catch (DmpUnavailableException e) {
                spec.commandLine().getErr().println(root.text("cli.error", e.detail().message(root.language())));
                return Cli.FAILURE;
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("kind", kind.name());
            json.put("documentReference", filing.documentReference());
            json.put("replaces", filing.replaces());
            json.put("sha1", filing.sha1());
            root.printer().object(json, out -> out.println(root.text(filing.replaces() == null ? "dmp.filed" : "dmp.filedReplacing", title)));
            return Cli.OK;
        }
    }
}
