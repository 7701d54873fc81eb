package fr.relais.app.cli;

import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.output.Printer;
import fr.relais.core.wording.AlertWords;
import fr.relais.app.cli.view.ThresholdView;
import fr.relais.core.alert.ThresholdService;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.alert.AlertRuleJson;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.alert.ThresholdService.RuleInForce;
import fr.relais.core.time.CareZone;
import fr.relais.core.time.IsoInput;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code relais threshold set|restore|list|history}: a physician's per-patient thresholds, with who, when and why, and
 * the thresholds in force at any past time.
 */
@Command(name = "threshold", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {ThresholdCommand.Set.class, ThresholdCommand.Restore.class, ThresholdCommand.ListRules.class,
                ThresholdCommand.History.class})
final class ThresholdCommand {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);

    /** What the threshold commands use: the per-patient overrides, and the physicians who prescribed them, by name. */
    record Uses(ThresholdService thresholds, CareTeamService careTeam) {
    }

    /** The physician who prescribed a patient's thresholds, by name (the account that entered them if unknown here). */
    static String prescriber(Uses uses, ThresholdOverride o) {
        return uses.careTeam().findProfessional(o.prescriberId()).map(p -> p.displayName()).orElse(o.setBy());
    }

    abstract static class Change extends Leaf.WithPatient<Uses> {
        @Option(names = "--rule", required = true, descriptionKey = "threshold.rule")
        String rule;
        @Option(names = "--pathway", descriptionKey = "threshold.pathway")
        String pathway;
        @Option(names = "--prescriber", required = true, paramLabel = "ID|RPPS", descriptionKey = "threshold.prescriber")
        String prescriber;
        @Option(names = "--reason", required = true, descriptionKey = "option.reason")
        String reason;

        Change() {
            super(CommandWiring.THRESHOLDS);
        }

        abstract ThresholdOverride apply(ThresholdService thresholds, UUID patientId);

        @Override
        int run(RelaisCommand root, Uses uses, UUID patientId) {
            ThresholdOverride o = apply(uses.thresholds(), patientId);
            root.printer().object(ThresholdView.of(o), out -> out.println(o.rule() == null ? root.text("threshold.restored")
                    : new AlertWords(root.language()).rule(o.rule())));
            return Cli.OK;
        }
    }

    @Command(name = "set", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Set extends Change {
        @Option(names = "--set", required = true, paramLabel = "NAME=VALUE", descriptionKey = "threshold.set")
        Map<String, String> changes = new LinkedHashMap<>();

        @Override
        ThresholdOverride apply(ThresholdService thresholds, UUID patientId) {
            return thresholds.change(patientId, pathway, rule, changes, prescriber, reason);
        }
    }

    @Command(name = "restore", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Restore extends Change {
        @Override
        ThresholdOverride apply(ThresholdService thresholds, UUID patientId) {
            return thresholds.restore(patientId, pathway, rule, prescriber, reason);
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListRules implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--patient", required = true, descriptionKey = "worklist.patient")
        String patient;
        @Option(names = "--at", paramLabel = "DATE-TIME", descriptionKey = "threshold.at")
        String at;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            Instant when = at == null ? null : IsoInput.dateTime("--at", at);
            try (OpenStore<Uses> store = root.open(CommandWiring.THRESHOLDS)) {
                Uses uses = store.uses();
                UUID patientId = store.patient(patient);
                List<RuleInForce> rules = uses.thresholds().inForce(patientId, when == null ? root.clock().instant() : when);
                // The table states each rule in words, with the id `threshold set --rule` takes, and who set it.
                AlertWords words = new AlertWords(root.language());
                root.printer().list(rules, List.of(
                        new Column<>("pathwayId", "col.pathway", RuleInForce::templateId),
                        new Column<>("rule", "col.rule", r -> AlertRuleJson.write(r.rule()),
                                r -> root.text("threshold.ruleLine", words.rule(r.rule()), r.rule().id())),
                        new Column<>("source", "col.source", r -> r.override() == null ? "pathway"
                                : r.override().prescriberId() + " " + AT.format(r.override().validFrom()) + " " + r.override().reason(),
                                r -> r.override() == null ? words.origin(null, null, null) : words.origin(prescriber(uses, r.override()),
                                        r.override().validFrom(), r.override().reason()))),
                        ThresholdView::of);
            }
            return Cli.OK;
        }
    }

    @Command(name = "history", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class History extends Leaf.WithPatient<Uses> {
        History() {
            super(CommandWiring.THRESHOLDS);
        }

        @Override
        int run(RelaisCommand root, Uses uses, UUID patientId) {
            List<ThresholdOverride> history = uses.thresholds().history(patientId);
            AlertWords words = new AlertWords(root.language());
            root.printer().list(history, List.of(
                    new Column<>("validFrom", "col.from", o -> AT.format(o.validFrom()), o -> Printer.DATE_TIME.format(o.validFrom())),
                    new Column<>("validTo", "col.to", o -> o.validTo() == null ? "" : AT.format(o.validTo()),
                            o -> o.validTo() == null ? "" : Printer.DATE_TIME.format(o.validTo())),
                    new Column<>("pathwayId", "col.pathway", ThresholdOverride::templateId),
                    new Column<>("ruleId", "col.rule", ThresholdOverride::ruleId),
                    new Column<>("rule", "col.thresholds", o -> o.rule() == null ? root.text("threshold.restored")
                            : AlertRuleJson.write(o.rule()), o -> o.rule() == null ? root.text("threshold.restored") : words.rule(o.rule())),
                    new Column<>("prescriberId", "col.prescriber", ThresholdOverride::prescriberId, o -> prescriber(uses, o)),
                    new Column<>("reason", "col.reason", ThresholdOverride::reason)), ThresholdView::of);
            return Cli.OK;
        }
    }
}
