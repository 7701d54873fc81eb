package fr.relais.app.cli;

import fr.relais.app.cli.view.PatientFileView;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Localization;
import fr.relais.core.identity.IdentityDocument;
import fr.relais.core.identity.IdentityEvidence;
import fr.relais.core.identity.Ins;
import fr.relais.core.identity.InsMatricule;
import fr.relais.core.identity.InsOid;
import fr.relais.core.identity.InsSource;
import fr.relais.core.identity.MergeOutcome;
import fr.relais.core.identity.Patient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import fr.relais.core.identity.TraitCorrection;
import fr.relais.core.time.IsoInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The identity work of the identity-vigilance referent after creation: {@code relais patient evidence|correct|history|
 * merge}. The rules (what status the evidence supports, what a correction voids, when a merge is refused) are the
 * core's; these commands parse, call and print.
 */
final class IdentityCommands {
    private IdentityCommands() {
    }

    /** An INS typed on the command line: both parts, or neither. */
    static Ins ins(String matricule, String oid) {
        if (matricule == null) {
            if (oid != null) {
                throw new BadInputException("--ins", "ins.empty");
            }
            return null;
        }
        if (oid == null) {
            throw new BadInputException("--ins-oid", "ins.oid.missing");
        }
        return new Ins(InsMatricule.parse("--ins", matricule), InsOid.parse("--ins-oid", oid));
    }

    private static Map<String, Object> statusJson(Patient p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", p.id().toString());
        json.put("identityStatus", p.status().name());
        return json;
    }

    /** {@code relais patient evidence ID --id-document CN | --ins M --ins-oid O [--ins-source CV] --reason R}. */
    @Command(name = "evidence", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Evidence implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "patient.show.id")
        String patient;
        @Option(names = "--id-document", paramLabel = "CN|eCN|PA|CS|IN|AV|AN|LEP", descriptionKey = "patient.add.idDocument")
        String idDocument;
        @Option(names = "--ins", paramLabel = "MATRICULE", descriptionKey = "patient.add.ins")
        String ins;
        @Option(names = "--ins-oid", paramLabel = "OID", descriptionKey = "patient.add.insOid")
        String insOid;
        @Option(names = "--ins-source", paramLabel = "SM|CV|CB", descriptionKey = "patient.evidence.insSource")
        String insSource;
        @Option(names = "--reason", required = true, descriptionKey = "patient.identity.reason")
        String reason;

        @Override
        public Integer call() {
            // Every value is checked before the store is opened.
            Ins parsedIns = ins(ins, insOid);
            IdentityDocument document = idDocument == null ? null : IdentityDocument.parse("--id-document", idDocument);
            InsSource source = insSource == null ? InsSource.SM : InsSource.parseTyped("--ins-source", insSource);
            if (parsedIns == null && document == null) {
                throw new BadInputException("--id-document / --ins", "identity.nothingToRecord");
            }
            return Leaf.forPatient(spec, patient, CommandWiring.PATIENTS, (root, patients, id) -> {
                Patient before = patients.get(id);
                Patient after = patients.recordEvidence(id, parsedIns, new IdentityEvidence(source, document), reason);
                var words = new fr.relais.core.wording.StatusWords(root.language());
                root.printer().object(statusJson(after), out -> out.println(root.text("patient.evidence.done",
                        words.identityLevel(before.status()), words.identityLevel(after.status()))));
                return Cli.OK;
            });
        }
    }

    /**
     * {@code relais patient correct ID [--family] [--given...] [--sex] [--birth-date] [--birthplace] [--ins M --ins-oid O]
     * --reason R}: the INS is given only when it was wrong too, so that traits and INS are corrected together.
     */
    @Command(name = "correct", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Correct implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "patient.show.id")
        String patient;
        @Option(names = "--family", descriptionKey = "patient.add.family")
        String family;
        @Option(names = "--given", descriptionKey = "patient.add.given")
        List<String> given;
        @Option(names = "--sex", paramLabel = "F|M|U", descriptionKey = "patient.add.sex")
        String sex;
        @Option(names = "--birth-date", paramLabel = "YYYY-MM-DD", descriptionKey = "patient.add.birthDate")
        String birthDate;
        @Option(names = "--birthplace", paramLabel = "INSEE", descriptionKey = "patient.add.birthplace")
        String birthplace;
        @Option(names = "--ins", paramLabel = "MATRICULE", descriptionKey = "patient.correct.ins")
        String ins;
        @Option(names = "--ins-oid", paramLabel = "OID", descriptionKey = "patient.add.insOid")
        String insOid;
        @Option(names = "--reason", required = true, descriptionKey = "patient.identity.reason")
        String reason;

        @Override
        public Integer call() {
            Ins parsedIns = ins(ins, insOid);
            Sex parsedSex = sex == null ? null : Sex.parse("--sex", sex);
            var parsedDate = birthDate == null ? null : IsoInput.date("--birth-date", birthDate);
            if (family == null && given == null && parsedSex == null && parsedDate == null && birthplace == null && parsedIns == null) {
                throw new BadInputException("--family / --given / --sex / --birth-date / --birthplace", "identity.nothingToCorrect");
            }
            return Leaf.forPatient(spec, patient, CommandWiring.PATIENTS, (root, patients, id) -> {
                StrictTraits t = patients.get(id).traits();
                StrictTraits corrected = new StrictTraits(family != null ? family : t.birthFamilyName(),
                        given != null ? given : t.birthGivenNames(), parsedSex != null ? parsedSex : t.sex(),
                        parsedDate != null ? parsedDate : t.birthDate(),
                        birthplace != null ? birthplace.toUpperCase(Locale.ROOT) : t.birthplaceCode(),
                        // A birth date received as a year or a month stays so until a whole date is typed.
                        parsedDate != null ? fr.relais.core.identity.BirthDatePrecision.DAY : t.birthDatePrecision());
                TraitCorrection correction = patients.correctTraits(id, corrected, parsedIns, reason);
                Localization errors = Localization.of(BadInputException.BUNDLE, root.language());
                correction.warnings().forEach(w -> spec.commandLine().getErr().println(
                        root.text("cli.warning", w.field(), errors.text(w.key(), w.args().toArray()))));
                root.printer().object(statusJson(correction.patient()),
                        out -> out.println(root.text("patient.correct.done",
                                new fr.relais.core.wording.StatusWords(root.language()).identityLevel(correction.patient().status()))));
                return Cli.OK;
            });
        }
    }

    /** What {@code relais patient history} reads: the identity history, and the accounts and session naming who acted. */
    record HistoryUses(fr.relais.core.identity.PatientService patients, fr.relais.core.account.AccountService accounts, fr.relais.core.session.UserSession session) {
    }

    /** {@code relais patient history ID}: how each identity status was obtained, oldest first. */
    @Command(name = "history", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true)
    static final class History implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "patient.show.id")
        String patient;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, patient, CommandWiring.IDENTITY_HISTORY, (root, uses, id) -> {
                var patients = uses.patients();
                var events = patients.identityHistory(patients.openFile(id, "command line").id());
                // By name and roles, as the desktop's identity tab; the JSON keeps the login for scripts.
                var people = new fr.relais.core.wording.PersonWords(root.language(), uses.accounts()::find, uses.session());
                root.printer().object(events.stream().map(PatientFileView.IdentityEventView::of).toList(), out -> {
                    out.println(root.text("show.history"));
                    var words = fr.relais.core.i18n.Localization.of(fr.relais.app.wording.Messages.BUNDLE, root.language());
                    events.forEach(e -> out.println("  " + people.who(e.actor()) + " " + PatientCommand.historyLine(e, new fr.relais.core.wording.StatusWords(root.language()), words)));
                });
                return Cli.OK;
            });
        }
    }

    /** {@code relais patient merge --keep ID --replace ID --reason R}: two records of the same person become one. */
    @Command(name = "merge", resourceBundle = "fr.relais.app.i18n.cli", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Merge implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--keep", required = true, paramLabel = "ID", descriptionKey = "patient.merge.keep")
        String keep;
        @Option(names = "--replace", required = true, paramLabel = "ID", descriptionKey = "patient.merge.replace")
        String replace;
        @Option(names = "--reason", required = true, descriptionKey = "patient.identity.reason")
        String reason;

        @Override
        public Integer call() {
            return Leaf.forPatient(spec, keep, CommandWiring.PATIENTS, (root, patients, survivor) -> {
                MergeOutcome outcome = patients.merge(survivor, patients.resolve(replace).id(), reason);
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("survivor", outcome.survivor().id().toString());
                json.put("replaced", outcome.replaced().id().toString());
                json.put("moved", outcome.moved());
                json.put("keptOnReplaced", outcome.keptOnReplaced());
                root.printer().object(json, out -> out.println(root.text("patient.merge.done", outcome.survivor().displayName(),
                        outcome.replaced().id(), outcome.moved(), outcome.keptOnReplaced())));
                return Cli.OK;
            });
        }
    }
}
