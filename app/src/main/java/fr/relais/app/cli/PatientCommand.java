package fr.relais.app.cli;

import fr.relais.app.wording.Messages;
import fr.relais.core.careteam.CareTeamService;
import fr.relais.core.directory.DirectoryCache;
import fr.relais.core.identity.PatientService;
import fr.relais.app.cli.output.Column;
import fr.relais.app.cli.view.PatientFileView;
import fr.relais.app.cli.view.PatientView;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.DuplicateFlag;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.IdentityStatus;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.IdentityWarning;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.OtherRecord;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Registration;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.time.IsoInput;
import fr.relais.core.wording.StatusWords;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code relais patient add|list|show|evidence|correct|history|merge}. */
@Command(name = "patient", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true,
        subcommands = {PatientCommand.Add.class, PatientCommand.ListPatients.class, PatientCommand.Show.class,
                IdentityCommands.Evidence.class, IdentityCommands.Correct.class, IdentityCommands.History.class,
                IdentityCommands.Merge.class})
final class PatientCommand {
    /** Times the patient file prints: the care team's clock (Paris), never UTC, as French readers write them. */
    static final java.time.format.DateTimeFormatter WHEN = fr.relais.app.cli.output.Printer.DATE_TIME;
    /** Calendar days as the patient file prints them (dd/MM/yyyy; JSON keeps ISO dates). */
    static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /**
     * What the patient file reads: the identity and its history, the cercle de soins and the other systems'
     * participants, the directory (a professional no longer active), and, for whoever may read clinical data, the
     * tasks, answers, care plans and text measures other systems sent, the organisation, the death.
     */
    record FileUses(PatientService patients, CareTeamService careTeam, DirectoryCache directory,
                    fr.relais.core.session.UserSession session, fr.relais.core.task.TaskService tasks,
                    fr.relais.core.questionnaire.ForeignResponses foreignResponses,
                    fr.relais.core.pathway.ForeignCarePlans foreignCarePlans, fr.relais.core.measure.TextMeasures textMeasures,
                    fr.relais.core.careteam.Organizations organizations, fr.relais.core.identity.Deaths deaths,
                    fr.relais.core.hospital.HospitalEvents hospital, fr.relais.core.hospital.HospitalDocuments letters) {
    }

    /** Whether the national directory (local copy) says this professional is no longer active. */
    static boolean inactiveInDirectory(DirectoryCache directory, String rpps) {
        return rpps != null && directory.byRpps(rpps).map(e -> !e.active()).orElse(false);
    }

    @Command(name = "add", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--family", required = true, descriptionKey = "patient.add.family")
        String family;
        @Option(names = "--given", required = true, descriptionKey = "patient.add.given")
        List<String> given;
        @Option(names = "--sex", required = true, paramLabel = "F|M|U", descriptionKey = "patient.add.sex")
        String sex;
        @Option(names = "--birth-date", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "patient.add.birthDate")
        String birthDate;
        @Option(names = "--birthplace", paramLabel = "INSEE", descriptionKey = "patient.add.birthplace")
        String birthplace;
        @Option(names = "--used-family", descriptionKey = "patient.add.usedFamily")
        String usedFamily;
        @Option(names = "--used-given", descriptionKey = "patient.add.usedGiven")
        String usedGiven;
        @Option(names = "--ins", paramLabel = "MATRICULE", descriptionKey = "patient.add.ins")
        String ins;
        @Option(names = "--ins-oid", paramLabel = "OID", descriptionKey = "patient.add.insOid")
        String insOid;
        @Option(names = "--ins-source", paramLabel = "SM|CV|CB", descriptionKey = "patient.add.insSource")
        String insSource;
        @Option(names = "--id-document", paramLabel = "CN|eCN|PA|CS|IN|AV|AN|LEP", descriptionKey = "patient.add.idDocument")
        String idDocument;
        @Option(names = "--status", paramLabel = "PROV|RECUP|VALI|QUAL", descriptionKey = "patient.add.status")
        String status;
        @Option(names = "--ipp", descriptionKey = "patient.add.ipp")
        String ipp;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            NewPatient input = toNewPatient();
            try (OpenStore<PatientService> store = root.open(CommandWiring.PATIENTS)) {
                PatientService patients = store.uses();
                Registration registration = patients.register(input);
                var err = spec.commandLine().getErr();
                Localization errors = Localization.of(BadInputException.BUNDLE, root.language());
                for (IdentityWarning warning : registration.warnings()) {
                    err.println(root.text("cli.warning", warning.field(), errors.text(warning.key(), warning.args().toArray())));
                }
                registration.duplicates().forEach(d -> err.println(duplicateLine(root, patients, d)));
                var printer = root.printer();
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", registration.patient().id().toString());
                json.put("identityStatus", registration.patient().status().name());
                json.put("warnings", registration.warnings().stream().map(w -> Map.of("field", w.field(),
                        "message", errors.text(w.key(), w.args().toArray()))).toList());
                json.put("possibleDuplicates", registration.duplicates().stream().map(PatientFileView.DuplicateView::of).toList());
                printer.object(json, out -> out.println(registration.patient().id()));
            }
            return Cli.OK;
        }

        /** Every value is checked before the store is opened, so bad input never touches it. */
        private NewPatient toNewPatient() {
            Sex parsedSex = Sex.parse("--sex", sex);
            StrictTraits traits = new StrictTraits(family, given, parsedSex, IsoInput.date("--birth-date", birthDate),
                    birthplace == null ? null : birthplace.toUpperCase(java.util.Locale.ROOT));
            Ins parsedIns = IdentityCommands.ins(ins, insOid);
            IdentityEvidence evidence = new IdentityEvidence(
                    insSource == null ? InsSource.SM : InsSource.parseTyped("--ins-source", insSource),
                    idDocument == null ? null : IdentityDocument.parse("--id-document", idDocument));
            IdentityStatus requested = status == null ? null : IdentityStatus.parse("--status", status);
            return new NewPatient(traits, usedFamily, usedGiven, ipp, parsedIns, evidence, requested);
        }
    }

    @Command(name = "list", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class ListPatients implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--search", descriptionKey = "patient.list.search")
        String search;
        @Option(names = "--limit", defaultValue = "100", descriptionKey = "patient.list.limit")
        int limit;
        @Option(names = "--offset", defaultValue = "0", descriptionKey = "patient.list.offset")
        int offset;

        @Override
        public Integer call() {
            RelaisCommand root = Leaf.root(spec);
            Arguments.range("--limit", limit, 1, 100_000);
            Arguments.range("--offset", offset, 0, Integer.MAX_VALUE);
            try (OpenStore<PatientService> store = root.open(CommandWiring.PATIENTS)) {
                List<Patient> patients = search == null ? store.uses().list(offset, limit)
                        : store.uses().search(search, limit);
                root.printer().list(patients, columns(root.language()), PatientView::of);
            }
            return Cli.OK;
        }

        static List<Column<Patient>> columns(fr.relais.core.i18n.Language language) {
            StatusWords words = new StatusWords(language);
            List<Column<Patient>> columns = new ArrayList<>();
            columns.add(new Column<>("id", "col.id", p -> p.id()));
            columns.add(new Column<>("ipp", "col.ipp", Patient::ipp));
            columns.add(new Column<>("name", "col.name", Patient::displayName));
            columns.add(new Column<>("birthDate", "col.birthDate", p -> p.traits().birthDateIso(), p -> p.traits().birthDateShown()));
            columns.add(new Column<>("sex", "col.sex", p -> p.traits().sex(), p -> words.sex(p.traits().sex())));
            columns.add(new Column<>("identityStatus", "col.status", Patient::status, p -> words.identity(p.status())));
            // Lists are exported (CSV, JSON): the INS of an identity that is not qualified stays in Relais.
            columns.add(new Column<>("ins", "col.ins", Patient::insForExport));
            return columns;
        }
    }

    @Command(name = "show", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "patient.show.id")
        String id;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, id, CommandWiring.PATIENT_FILE, (root, file, patientId) -> {
                Patient p = file.patients().openFile(patientId, "command line");
                var team = file.careTeam().teamOf(p.id());
                var history = file.patients().identityHistory(p.id());
                var duplicates = file.patients().duplicatesOf(p.id());
                var others = file.careTeam().otherParticipantsOf(p.id());
                // In words, a professional both a member here and listed by another system is shown once, with both
                // roles; the JSON keeps every participant as the server lists it.
                var othersShown = file.careTeam().othersBesideMembers(p.id());
                // Other systems' tasks, answers and plans are clinical: a front desk reading the identity file sees none
                boolean clinical = file.session().can(fr.relais.core.session.Permission.CLINICAL_READ);
                List<fr.relais.core.task.Task> foreignTasks = clinical ? file.tasks().foreignOf(p.id()) : List.of();
                List<fr.relais.core.questionnaire.ForeignResponse> responses = clinical ? file.foreignResponses().ofPatient(p.id()) : List.of();
                List<fr.relais.core.pathway.ForeignCarePlan> carePlans = clinical ? file.foreignCarePlans().ofPatient(p.id()) : List.of();
                List<fr.relais.core.measure.TextMeasure> textMeasures = clinical ? file.textMeasures().ofPatient(p.id()) : List.of();
                String organization = file.organizations().ofPatient(p.id()).orElse(null);
                var death = file.deaths().of(p.id());
                // Hospital stays are clinical too (the front desk sees none).
                List<fr.relais.core.hospital.StoredHospitalEvent> hospitalEvents = clinical ? file.hospital().history(p.id()) : List.of();
                List<fr.relais.core.hospital.HospitalStay> stays = clinical ? file.hospital().staysOf(p.id()) : List.of();
                List<fr.relais.core.hospital.HospitalDocument> letters = clinical ? file.letters().ofPatient(p.id()) : List.of();
                var letterWords = new fr.relais.core.hospital.HospitalDocumentWords(root.language());
                PatientFileView view = new PatientFileView(PatientView.of(p),
                        team.stream().map(PatientFileView.MemberView::of).toList(),
                        history.stream().map(PatientFileView.IdentityEventView::of).toList(),
                        duplicates.stream().map(PatientFileView.DuplicateView::of).toList(),
                        others.stream().map(PatientFileView.OtherParticipantView::of).toList(),
                        foreignTasks.stream().map(t -> fr.relais.app.cli.view.TaskView.of(t, p.displayName(), root.language())).toList(),
                        responses.stream().map(PatientFileView.ForeignResponseView::of).toList(),
                        carePlans.stream().map(PatientFileView.ForeignCarePlanView::of).toList(),
                        textMeasures.stream().map(PatientFileView.TextMeasureView::of).toList(), organization,
                        death.isPresent(), death.map(fr.relais.core.identity.Deaths.Death::on).orElse(null),
                        stays.stream().map(PatientFileView.HospitalStayView::of).toList(),
                        hospitalEvents.stream().map(PatientFileView.HospitalEventView::of).toList(),
                        letters.stream().map(d -> PatientFileView.HospitalDocumentView.of(d, letterWords)).toList());
                StatusWords statuses = new StatusWords(root.language());
                root.printer().object(view, out -> {
                    out.println(root.text("show.name", p.displayName(), p.traits().birthFamilyName(), p.traits().givenNamesText()));
                    out.println(root.text("show.id", p.id(), p.ipp() == null ? "-" : p.ipp()));
                    if (organization != null) {
                        out.println(root.text("patient.file.organization", organization));
                    }
                    boolean wholeDate = p.traits().birthDatePrecision() == fr.relais.core.identity.BirthDatePrecision.DAY;
                    out.println(root.text((wholeDate ? "show.birth." : "show.bornIn.") + p.traits().sex().name(),
                            p.traits().birthDateShown(),
                            fr.relais.app.wording.BirthplaceText.of(p.traits().birthplaceCode(),
                                    fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, root.language()))));
                    String merged = fr.relais.app.wording.ReplacedByText.of(p, file.patients()::find,
                            fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, root.language()));
                    if (!merged.isEmpty()) {
                        out.println(merged);
                    }
                    death.ifPresent(d -> out.println(d.on() == null
                            ? root.text("show.deceased." + p.traits().sex().name())
                            : root.text("show.deceasedOn." + p.traits().sex().name(), DAY.format(d.on()))));
                    out.println(root.text("show.identity", statuses.identityLevel(p.status()), p.ins() == null ? "-"
                            : root.text(p.status().allowsInsExchange() ? "show.ins" : "show.insNotQualified",
                                    p.ins().matricule().value(), p.ins().oid().oid())));
                    out.println(root.text("show.careTeam"));
                    var words = fr.relais.core.i18n.Localization.of(Messages.BUNDLE, root.language());
                    team.forEach(m -> out.println("  " + statuses.role(m.role()) + " : " + m.professional().displayName()
                            + (m.professional().rpps() == null ? "" : " (RPPS " + m.professional().rpps() + ")")
                            + (inactiveInDirectory(file.directory(), m.professional().rpps()) ? " " + root.text("annuaire.inactive") : "")
                            + (m.endDate() == null ? "" : " " + root.text("show.until", DAY.format(m.endDate())))
                            + fr.relais.app.wording.OtherParticipantText.alsoRoles(file.careTeam().otherRolesOf(p.id(), m.professional().id()), words)));
                    othersShown.forEach(o -> out.println("  "
                            + fr.relais.app.wording.OtherParticipantText.of(o, words) + (o.endDate() == null ? "" : " -> " + DAY.format(o.endDate()))));
                    out.println(root.text("show.history"));
                    history.forEach(e -> out.println("  " + historyLine(e, statuses, words)));
                    if (!carePlans.isEmpty()) {
                        out.println(root.text("show.foreignCarePlans"));
                        var byId = foreignTasks.stream().collect(java.util.stream.Collectors.toMap(fr.relais.core.task.Task::id, t -> t));
                        carePlans.forEach(c -> fr.relais.app.wording.ForeignCarePlanText.lines(c, byId, words, root.language(), DAY, WHEN)
                                .forEach(line -> out.println("  " + line)));
                    }
                    if (!textMeasures.isEmpty()) {
                        out.println(root.text("show.textMeasures"));
                        textMeasures.forEach(m -> out.println("  " + fr.relais.app.wording.TextMeasureText.line(m, words, root.language(), WHEN)));
                    }
                    if (!responses.isEmpty()) {
                        out.println(root.text("show.foreignResponses"));
                        responses.forEach(r -> fr.relais.app.wording.ForeignResponseText.lines(r, words, WHEN).forEach(line -> out.println("  " + line)));
                    }
                    if (!foreignTasks.isEmpty()) {
                        out.println(root.text("show.foreignTasks"));
                        foreignTasks.forEach(t -> out.println("  " + root.text("patient.file.foreignTask", fr.relais.app.wording.DueText.of(t, WHEN),
                                t.title(root.language()), statuses.task(t.status()))));
                    }
                    if (!hospitalEvents.isEmpty()) {
                        out.println(root.text("show.hospital"));
                        var hospitalWords = new fr.relais.core.hospital.HospitalEventWords(root.language());
                        hospitalEvents.forEach(e -> out.println("  " + hospitalWords.of(e)));
                    }
                    if (!letters.isEmpty()) {
                        out.println(root.text("show.hospitalLetters"));
                        letters.forEach(d -> out.println("  " + letterWords.line(d)));
                    }
                    duplicates.forEach(d -> out.println(duplicateLine(root, file.patients(), d)));
                });
                return Cli.OK;
            });
        }
    }

    /** One change of identity status in words: "12/11/2026 09:30 Identité provisoire → Identité validée : recueil : …". */
    static String historyLine(fr.relais.core.identity.IdentityEvent e, StatusWords statuses, fr.relais.core.i18n.Localization words) {
        return WHEN.format(e.at()) + " " + (e.from() == null ? "" : statuses.identity(e.from()) + " → ")
                + statuses.identity(e.to()) + " : " + fr.relais.app.wording.IdentityReasonText.of(e.reason(), words);
    }

    /**
     * A possible duplicate named as the identity-vigilance referent looks it up (name, birth date, IPP), the same way
     * the "INS already taken" refusal names the other record, and why the two records look alike.
     */
    private static String duplicateLine(RelaisCommand root, PatientService patients, DuplicateFlag flag) {
        OtherRecord other = OtherRecord.of(patients.get(flag.otherPatientId()));
        String why = root.text("patient.duplicate." + flag.reason().name());
        return other.ipp() == null ? root.text("patient.duplicateNoIpp", other.name(), other.birthDate(), why)
                : root.text("patient.duplicate", other.name(), other.birthDate(), other.ipp(), why);
    }
}
