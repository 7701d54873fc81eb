package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.output.Printer;
import fr.relais.core.wording.AuditWords;
import fr.relais.core.audit.AuditLog;
import fr.relais.core.audit.AuditChain;
import fr.relais.core.audit.AuditEvent;
import fr.relais.core.time.CareZone;
import fr.relais.sync.engine.SyncFailedException;
import fr.relais.sync.engine.SyncSettings;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code relais audit verify [--server URL]} (the hash chain, its anchors) and {@code relais audit list --patient ID} (a patient's access history). */
@Command(name = "audit", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {AuditCommand.Verify.class, AuditCommand.ListEvents.class})
final class AuditCommand {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(CareZone.PARIS);

    /** What the check uses: the trail, and the anchor the team server keeps for this store (asked only with a server). */
    record VerifyUses(AuditLog audit, java.util.function.Function<SyncSettings, Optional<String>> serverAnchor) {
    }

    /** What the patient's access history uses: the trail, and the reports for its printable PDF/A. */
    record ListUses(AuditLog audit, fr.relais.core.report.PatientReportService reports) {
    }

    @Command(name = "verify", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--server", paramLabel = "URL", descriptionKey = "audit.verify.server")
        String server;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            String url = server != null ? server : root.environment().get(SyncSettings.SERVER_VARIABLE);
            try (OpenStore<VerifyUses> store = root.open(CommandWiring.AUDIT_VERIFY)) {
                VerifyUses uses = store.uses();
                // With a team server, the anchor it keeps for this store is compared too (issue 23); without one, or
                // when it cannot be reached, the trail is checked against the anchor beside the store alone, and said so.
                String serverCheck = "unset";
                String unreachable = null;
                AuditChain.Verdict v;
                if (url == null || url.isBlank()) {
                    v = uses.audit().verify();
                } else {
                    Optional<String> anchor = Optional.empty();
                    try {
                        anchor = uses.serverAnchor().apply(SyncCommand.serverSettings(root.environment(), url, null, null, null, root.pscBearer(), root.retries()));
                        serverCheck = anchor.isPresent() ? "checked" : "none";
                    } catch (SyncFailedException e) {
                        serverCheck = "unreachable";
                        unreachable = e.detail().message(root.language());
                    }
                    v = anchor.isPresent() ? uses.audit().verify(anchor.get()) : uses.audit().verify();
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("intact", v.intact());
                json.put("chained", v.chained());
                json.put("unchained", v.unchained());
                json.put("brokenAt", v.brokenAt());
                String problem = v.intact() ? null : root.text("audit.problem." + v.problem().name(), uses.audit().anchorFile());
                json.put("problem", v.intact() ? null : v.problem().name());
                json.put("reason", problem);
                json.put("lastHash", v.lastHash());
                json.put("serverAnchor", serverCheck);
                String serverLine = "unset".equals(serverCheck) ? null : root.text("audit.server." + serverCheck, unreachable);
                root.printer().object(json, o -> {
                    o.println(v.intact() ? root.text("audit.intact", v.chained(), v.unchained(), v.lastHash())
                            : v.brokenAt() == null ? root.text("audit.brokenAt", problem) : root.text("audit.brokenAtEvent", v.brokenAt(), problem));
                    if (serverLine != null) {
                        o.println(serverLine);
                    }
                });
                // Tampering is not bad input: the database itself is in question.
                return v.intact() ? Cli.OK : Cli.FAILURE;
            }
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListEvents extends Leaf.WithPatient<ListUses> {
        @Option(names = "--out", paramLabel = "FILE.pdf", descriptionKey = "audit.list.out")
        java.nio.file.Path out;

        ListEvents() {
            super(CommandWiring.AUDIT_LIST);
        }

        @Override
        int run(RelaisCommand root, ListUses uses, UUID id) {
            if (out != null) {
                // Printable: the patient's access history as a PDF/A (issue 9).
                fr.relais.core.report.ReportFile.writeAtomically(out,
                        stream -> uses.reports().writeAccessHistory(id, root.language(), stream));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("file", out.toAbsolutePath().toString());
                json.put("events", uses.audit().forPatient(id).size());
                root.printer().object(json, o -> o.println(root.text("audit.printed", out.toAbsolutePath())));
                return Cli.OK;
            }
            // The action in words for the reader; its code and technical detail (ids, codes) for scripts (CSV, JSON).
            AuditWords actions = new AuditWords(root.language());
            root.printer().list(uses.audit().forPatient(id), List.of(
                    new Column<>("seq", "col.id", AuditEvent::seq),
                    new Column<>("at", "col.at", e -> AT.format(e.at()), e -> Printer.DATE_TIME.format(e.at())),
                    new Column<>("actor", "col.author", AuditEvent::actor),
                    new Column<>("workstation", "col.workstation", AuditEvent::workstation),
                    new Column<>("action", "col.action", AuditEvent::action, e -> actions.action(e.action())),
                    Column.forScripts("detail", e -> e.detail() == null ? "" : e.detail())), e -> e);
            return Cli.OK;
        }
    }
}
