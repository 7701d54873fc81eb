package fr.relais.app.cli;

import fr.relais.core.identity.PatientService;
import fr.relais.core.measure.MeasureService;
import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.view.MeasureView;
import fr.relais.core.error.BadInputException;
import fr.relais.core.measure.ImportReport;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.time.CareZone;
import fr.relais.core.time.IsoInput;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import fr.relais.core.wording.Quantities;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais measure add|import|list|error}. */
@Command(name = "measure", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {MeasureCommand.Add.class, MeasureCommand.Import.class, MeasureCommand.ListMeasures.class,
                MeasureCommand.Error.class})
final class MeasureCommand {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CareZone.PARIS);
    /** When a measure was taken, as said in a sentence, in Paris time. */
    private static final DateTimeFormatter SAID_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(CareZone.PARIS);

    /** A measure in words: "poids 83,5 kg le 06/12/2026 à 08:00, MARTIN Claire" (never its id nor its codes). */
    static String describe(RelaisCommand root, String patient, Measure m) {
        Quantities quantities = new Quantities(root.language());
        return root.text("measure.described", quantities.measureNameInSentence(m.code()),
                quantities.of(m.value().toPlainString(), m.unit(), m.code()), SAID_AT.format(m.effectiveAt()), patient);
    }

    /** What the patient's list of measures uses: {@code --patient} resolved, the measures and those held. */
    record ListUses(PatientService patients, MeasureService measures) {
    }

    @Command(name = "add", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--patient", required = true, descriptionKey = "enroll.patient")
        String patient;
        @Option(names = "--code", required = true, paramLabel = "LOINC", descriptionKey = "measure.code")
        String code;
        @Option(names = "--value", required = true, descriptionKey = "measure.value")
        String value;
        @Option(names = "--unit", required = true, paramLabel = "UCUM", descriptionKey = "measure.unit")
        String unit;
        @Option(names = "--at", paramLabel = "DATE-TIME", descriptionKey = "measure.at")
        String at;
        @Option(names = "--source", defaultValue = "entered", descriptionKey = "measure.source")
        String source;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            var effective = at == null ? null : IsoInput.dateTime("--at", at);
            MeasureSource measureSource = Arguments.enumValue("--source", source, MeasureSource.class);
            try (OpenStore<MeasureService> store = root.open(CommandWiring.MEASURES)) {
                var patientId = store.patient(patient);
                Measure m = store.uses().record(new NewMeasure(patientId, code, value, unit, effective, measureSource));
                Quantities quantities = new Quantities(root.language());
                String value = quantities.of(m.value().toPlainString(), m.unit(), m.code());
                String described = describe(root, store.patientName(patientId), m);
                root.printer().object(MeasureView.of(m), out -> {
                    out.println(root.text("measure.recorded", described));
                    if (m.unusual()) {
                        spec.commandLine().getErr().println(root.text("measure.unusual", value));
                    }
                });
            }
            return Cli.OK;
        }
    }

    @Command(name = "import", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.csv", descriptionKey = "measure.file")
        Path file;
        @Option(names = "--skip-bad-rows", descriptionKey = "measure.skipBadRows")
        boolean skipBadRows;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            try (OpenStore<fr.relais.core.measure.MeasureCsvImport> store = root.open(CommandWiring.MEASURE_IMPORT);
                 Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ImportReport report = store.uses().importCsv(file.toString(), reader, skipBadRows);
                var err = spec.commandLine().getErr();
                report.skipped().forEach(row -> err.println(root.text("cli.warning", file, row.message(root.language()))));
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("imported", report.imported());
                json.put("alreadyPresent", report.alreadyPresent());
                json.put("skipped", report.skipped().stream().map(r -> Map.of("line", r.line(), "message", r.message(root.language()))).toList());
                root.printer().object(json, out -> out.println(root.text("measure.imported", report.imported(),
                        report.alreadyPresent(), report.skipped().size())));
            } catch (IOException e) {
                throw fr.relais.core.error.FileProblem.unreadable(file.toString(), e);
            }
            return Cli.OK;
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListMeasures extends Leaf.WithServices<ListUses> {
        @Option(names = "--patient", required = true, descriptionKey = "enroll.patient")
        String patient;
        @Option(names = "--code", paramLabel = "LOINC", descriptionKey = "measure.code")
        String code;

        ListMeasures() {
            super(CommandWiring.MEASURE_LIST);
        }

        @Override
        int run(RelaisCommand root, ListUses uses) {
            var patientId = uses.patients().resolve(patient).id();
            List<Measure> all = uses.measures().ofPatient(patientId, code);
            // Device measures held while telemonitoring consent is withdrawn are listed, marked, never hidden.
            java.util.Set<java.util.UUID> held = uses.measures().heldIds(patientId);
            // The table as a carer writes it (measure's name, "77,8 kg", source and status in words); CSV keeps codes.
            Quantities quantities = new Quantities(root.language());
            fr.relais.core.wording.StatusWords words = new fr.relais.core.wording.StatusWords(root.language());
            root.printer().list(all, List.of(
                    new Column<>("id", "col.id", Measure::id),
                    new Column<>("effectiveAt", "col.at", m -> AT.format(m.effectiveAt()),
                            m -> fr.relais.app.cli.output.Printer.DATE_TIME.format(m.effectiveAt())),
                    new Column<>("code", "col.code", Measure::code, m -> quantities.measureName(m.code())),
                    new Column<>("value", "col.value", m -> m.value().toPlainString(),
                            m -> quantities.of(m.value().toPlainString(), m.unit(), m.code())),
                    Column.forScripts("unit", Measure::unit),
                    new Column<>("source", "col.source", Measure::source, m -> words.measureSource(m.source())),
                    new Column<>("status", "col.status", m -> (held.contains(m.id()) ? root.text("measure.held") : m.status())
                            + (m.unusual() ? " !" : ""), m -> (held.contains(m.id()) ? root.text("measure.held") : words.measureStatus(m))
                            + (m.unusual() ? " " + root.text("measure.unusualMark") : ""))), m -> MeasureView.of(m, held.contains(m.id())));
            return Cli.OK;
        }
    }

    @Command(name = "error", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Error extends Leaf.WithRoot {
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "measure.id")
        String id;
        @Option(names = "--reason", required = true, descriptionKey = "option.reason")
        String reason;

        @Override
        int run(RelaisCommand root) {
            var measureId = Arguments.uuid("ID", id);
            try (OpenStore<MeasureService> store = root.open(CommandWiring.MEASURES)) {
                Measure m = store.uses().markEnteredInError(measureId, reason);
                String described = describe(root, store.patientName(m.patientId()), m);
                root.printer().object(MeasureView.of(m), out -> out.println(root.text("measure.inError", described, m.errorReason())));
            }
            return Cli.OK;
        }
    }
}
