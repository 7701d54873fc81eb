package fr.relais.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.app.rights.PermissionMatrix;
import fr.relais.core.session.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The permission matrix, run (issue 23): every command of the picocli tree, and every option that widens what a
 * command shows, is typed by an account of each role on a copy of one store holding a patient. Where the matrix refuses,
 * the run exits 1 with the French refusal and leaves every table but the audit trail as it was; where it allows, no
 * refusal is printed (the command may still fail for its own reasons: no server, an unknown id). A new command without
 * a line in the matrix, or without a way to run it here, fails {@link #everyCommandOfTheTreeHasALineInTheMatrix}.
 */
class PermissionMatrixCliTest {
    private static final String PASSWORD = "mot de passe du poste";
    private static final String REFUSAL = "n'a pas le droit de faire cela";
    private static final String PATHWAY = "insuffisance-cardiaque-sortie";
    private static final String SOME_ID = "0b7e3c2a-5d1f-4f7e-9a39-3c1d2e4f5a6b";

    @TempDir
    static Path dir;
    static Path model;
    static Path shared;
    /** The model store's rows: every run's copy holds them before the run, so they are read once, not 500 times. */
    static Map<String, String> modelRows;

    /** How each matrix line is typed here; {run} is the run's own folder. */
    private static final Map<String, List<String>> ARGUMENTS = new LinkedHashMap<>();

    static {
        args("patient add", "--family", "DURAND", "--given", "Paul", "--sex", "M", "--birth-date", "1960-01-01");
        args("patient list");
        args("patient show", "P1");
        args("patient history", "P1");
        args("patient evidence", "P1", "--id-document", "CN", "--reason", "pièce vue");
        args("patient correct", "P1", "--given", "Claire-Marie", "--reason", "erreur de saisie");
        args("patient merge", "--keep", "P1", "--replace", "P2", "--reason", "doublon");
        args("ins check", "255082B20716869");
        args("insi search", "--patient", "P1");
        args("insi verify", "--patient", "P1");
        args("annuaire search", "--name", "MARTIN", "--offline");
        args("annuaire refresh", "--server", "http://127.0.0.1:9/");
        args("annuaire add", "--patient", "P1", "--rpps", "10003461033", "--role", "medecin-traitant");
        args("careteam professionals", "--name", "GUE");
        args("careteam add", "--patient", "P1", "--professional", "10003461033", "--role", "IDE_LIBERALE");
        args("consent list", "--patient", "P1");
        args("audit list", "--patient", "P1");
        args("worklist");
        args("pathway list");
        args("pathway show", PATHWAY);
        args("pathway export", PATHWAY, "--out", "{run}/parcours.json");
        args("pathway validate", "{shared}/parcours-v99.json");
        args("pathway import", "{shared}/parcours-v99.json");
        args("questionnaire list");
        args("questionnaire import", "{shared}/questionnaire.json");
        args("enroll", "--patient", "P1", "--pathway", PATHWAY);
        args("enroll --paper-consent", "--patient", "P1", "--pathway", PATHWAY, "--paper-consent", "--reason", "formulaire signé");
        for (String action : List.of("pause", "resume", "stop")) {
            args("enrollment " + action, SOME_ID, "--reason", "hospitalisation");
        }
        args("enrollment move", SOME_ID, "--version", "1", "--reason", "nouvelle version");
        args("task complete", SOME_ID);
        args("task cancel", SOME_ID);
        args("task postpone", SOME_ID, "--to", "2026-12-10T10:00");
        args("task assign", SOME_ID, "--queue");
        args("measure add", "--patient", "P1", "--code", "29463-7", "--value", "70", "--unit", "kg");
        args("measure import", "{shared}/mesures.csv");
        args("measure list", "--patient", "P1");
        args("measure error", SOME_ID, "--reason", "erreur");
        args("questionnaire answer", "--patient", "P1", "--questionnaire", "dyspnee", "--answers", "1,2");
        args("questionnaire error", SOME_ID, "--reason", "erreur");
        args("consent add", "--patient", "P1", "--scope", "telemonitoring", "--collected-by", "ide");
        args("consent withdraw", SOME_ID, "--reason", "retrait");
        args("alerts");
        for (String action : List.of("ack", "resolve", "dismiss", "escalate")) {
            args("alert " + action, SOME_ID, "--reason", "vu");
        }
        args("evaluate");
        args("threshold list", "--patient", "P1");
        args("threshold history", "--patient", "P1");
        args("threshold set", "--patient", "P1", "--rule", "poids", "--prescriber", "10003461033", "--reason", "avis", "--set", "red.above=3");
        args("threshold restore", "--patient", "P1", "--rule", "poids", "--prescriber", "10003461033", "--reason", "avis");
        args("plan show", "P1");
        args("plan history", "P1");
        args("plan edit", "P1", "--file", "{shared}/plan.json");
        args("handoff", "P1", "--out", "{run}/fiche.pdf");
        args("report patient", "P1", "--out", "{run}/rapport.pdf");
        args("report cohort", "--pathway", PATHWAY, "--from", "2026-01-01", "--to", "2026-12-31", "--out", "{run}/cohorte.csv");
        args("report cohort --with-identity", "--pathway", PATHWAY, "--from", "2026-01-01", "--to", "2026-12-31",
                "--out", "{run}/cohorte.csv", "--with-identity");
        args("export patient", "P1", "--out", "{run}/dossier.json");
        args("mssante send", "--patient", "P1", "--to", "dr@medecin.mssante.fr", "--file", "{shared}/rapport.pdf");
        args("mssante list");
        args("mssante retry");
        args("dmp file", "--patient", "P1", "--document", "report");
        args("sync", "--server", "http://127.0.0.1:9/fhir");
        args("sync status");
        args("conflicts list");
        args("conflicts show", SOME_ID);
        args("conflicts resolve", SOME_ID, "--keep", "local");
        args("conflicts retry", SOME_ID);
        args("conflicts discard", SOME_ID);
        // A port out of range: an allowed role is refused for the port (exit 2) instead of listening for ever.
        args("adt listen", "--port", "70000");
        args("adt queue");
        args("adt link", SOME_ID, "--patient", "P1");
        args("adt proposals", "--patient", "P1");
        args("adt confirm", SOME_ID);
        args("adt decline", SOME_ID);
        args("demo", "--patients", "1");
        args("account add", "--user", "nouveau", "--role", "IDE", "--password-file", "{shared}/mot-de-passe.txt");
        args("account list");
        args("account disable", "ide");
        args("account roles", "ide", "--role", "IDE");
        args("account password", "--password-file", "{shared}/nouveau-mot-de-passe.txt");
        args("audit verify");
        args("anonymise", "P1", "--reason", "demande du patient");
        args("retention");
        args("backup", "--out", "{run}/copie.db");
        args("restore", "{shared}/sauvegarde.db");
        args("store status");
        args("store encrypt", "--new-passphrase-file", "{shared}/phrase.txt");
        args("store passphrase", "--new-passphrase-file", "{shared}/phrase.txt");
    }

    private static void args(String entry, String... arguments) {
        List<String> typed = new ArrayList<>(List.of(entry.replaceAll(" --.*", "").split(" ")));
        typed.addAll(List.of(arguments));
        ARGUMENTS.put(entry, typed);
    }

    /** One store for every run: a patient P1, the built-in pathways, one account per role (administrator first). */
    @BeforeAll
    static void oneStoreWithAnAccountPerRole() throws Exception {
        model = Files.createDirectories(dir.resolve("modele"));
        shared = Files.createDirectories(dir.resolve("fichiers"));
        Path db = model.resolve("relais.db");
        Files.writeString(shared.resolve("mot-de-passe.txt"), PASSWORD + "\n");
        Files.writeString(shared.resolve("nouveau-mot-de-passe.txt"), "un autre mot de passe\n");
        Files.writeString(shared.resolve("phrase.txt"), "une phrase de passe assez longue\n");
        Files.writeString(shared.resolve("questionnaire.json"), "{}");
        Files.writeString(shared.resolve("mesures.csv"), "patient;code;valeur;unite;date\n");
        Files.write(shared.resolve("rapport.pdf"), "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
        Files.copy(Path.of("..", "docs", "examples", "urgent-care-plan.json"), shared.resolve("plan.json"));
        Files.writeString(shared.resolve("mssante.properties"), "smtp.host=127.0.0.1\nsmtp.port=9\nfrom=cpts@cpts.mssante.fr\ntimeout.seconds=2\n");

        assertThat(CliRun.on(db, "patient", "add", "--family", "MARTIN", "--given", "Claire", "--sex", "F", "--birth-date", "1950-03-14",
                "--ipp", "P1").code()).isZero();
        assertThat(CliRun.on(db, "pathway", "export", PATHWAY, "--out", shared.resolve("parcours.json").toString()).code()).isZero();
        Files.writeString(shared.resolve("parcours-v99.json"),
                Files.readString(shared.resolve("parcours.json")).replaceFirst("\"version\"\\s*:\\s*\\d+", "\"version\": 99"));
        Path password = shared.resolve("mot-de-passe.txt");
        assertThat(CliRun.on(db, "account", "add", "--user", account(Role.ADMINISTRATEUR), "--role", "ADMINISTRATEUR",
                "--password-file", password.toString()).code()).isZero();
        for (Role role : List.of(Role.IDEC, Role.MEDECIN, Role.IDE, Role.SECRETAIRE)) {
            CliRun added = as(Role.ADMINISTRATEUR, db, "account", "add", "--user", account(role), "--role", role.name(),
                    "--password-file", password.toString());
            assertThat(added.code()).as(added.err()).isZero();
        }
        Files.copy(db, shared.resolve("sauvegarde.db"));
        modelRows = digest(db);
    }

    static String account(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }

    static CliRun as(Role role, Path db, String... args) {
        Map<String, String> env = new HashMap<>(Map.of("RELAIS_DB", db.toString(),
                RelaisCommand.ACCOUNT_VARIABLE, account(role),
                RelaisCommand.ACCOUNT_PASSWORD_FILE_VARIABLE, shared.resolve("mot-de-passe.txt").toString(),
                "RELAIS_MSSANTE_CONFIG", shared.resolve("mssante.properties").toString(),
                "RELAIS_MSSANTE_PASSWORD", "secret-bal"));
        return CliRun.of((services, language) -> { }, env, args);
    }

    /** A fresh copy of the store for one run. */
    static Path copy(String name) throws IOException {
        Path run = Files.createDirectories(dir.resolve("runs").resolve(name));
        try (Stream<Path> files = Files.list(model)) {
            for (Path f : files.toList()) {
                Files.copy(f, run.resolve(f.getFileName()));
            }
        }
        return run;
    }

    /**
     * Every row of every table but the audit trail's, table by table (signing in is audited; a refusal must change
     * nothing else).
     */
    static Map<String, String> digest(Path db) throws Exception {
        Map<String, String> digests = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select name from sqlite_master where type = 'table' and name not like 'audit%' order by name")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                TreeSet<String> rows = new TreeSet<>();
                // sqlite_sequence counts the audit trail's rows too: its other counters are compared. So do the planner's
                // statistics (sqlite_stat1, sqlite_stat4), which each open refreshes for a table that grew 25-fold: the
                // audit trail of a copy that many refusals share.
                String rowsOf = switch (table) {
                    case "sqlite_sequence" -> "select * from sqlite_sequence where name not like 'audit%'";
                    case "sqlite_stat1", "sqlite_stat4" -> "select * from " + table + " where tbl not like 'audit%'";
                    default -> "select * from \"" + table + "\"";
                };
                try (ResultSet r = s.executeQuery(rowsOf)) {
                    int columns = r.getMetaData().getColumnCount();
                    while (r.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            row.append('|').append(r.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                rows.forEach(row -> sha.update(row.getBytes(StandardCharsets.UTF_8)));
                digests.put(table, HexFormat.of().formatHex(sha.digest()));
            }
        } catch (SQLException e) {
            throw new AssertionError("cannot read " + db, e);
        }
        return digests;
    }

    /** The tables whose rows differ between two digests. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return after.keySet().stream().filter(t -> !after.get(t).equals(before.get(t))).toList();
    }

    /** The commands a user can run: every node of the picocli tree below {@code relais} that does something. */
    static List<String> commandsOfTheTree() {
        CommandLine root = new CommandLine(new RelaisCommand(Map.of(), (services, language) -> { }, java.time.Clock.fixed(fr.relais.core.TestServices.NOW, java.time.ZoneOffset.UTC)));
        List<String> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(CommandLine command, List<String> found) {
        Object user = command.getCommandSpec().userObject();
        String name = CommandGate.name(command);
        if (!name.isEmpty() && (user instanceof Callable || user instanceof Runnable)) {
            found.add(name);
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, found));
    }

    private static List<String> typed(String entry, Path run) {
        return ARGUMENTS.get(entry).stream()
                .map(a -> a.replace("{run}", run.toString()).replace("{shared}", shared.toString())).toList();
    }

    /** {@code entry} typed by {@code role} on the store of {@code run}. */
    private static CliRun typedAs(Role role, String entry, Path run) {
        return as(role, run.resolve("relais.db"), typed(entry, run).toArray(String[]::new));
    }

    @Test
    void everyCommandOfTheTreeHasALineInTheMatrix() {
        List<String> commands = commandsOfTheTree();
        assertThat(commands).hasSizeGreaterThan(80);
        assertThat(commands).allSatisfy(c -> assertThat(PermissionMatrix.knows(c)).as("%s has no line in the permission matrix", c).isTrue());
        assertThat(PermissionMatrix.entries()).allSatisfy(e -> {
            assertThat(commands).as("the matrix line %s names no command", e).contains(e.replaceAll(" --.*", ""));
            assertThat(ARGUMENTS).as("%s cannot be run by this test", e).containsKey(e);
        });
    }

    @Test
    void everyRoleIsAllowedOrRefusedEveryCommandAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int runs = 0;
        int refusals = 0;
        // A refusal changes nothing but the audit trail (checked after each): the refusals share one copy, replaced
        // after any that changed it; every allowed run gets a copy of its own.
        Path refused = copy("refus-" + runs);
        for (String entry : PermissionMatrix.entries()) {
            for (Role role : Role.values()) {
                boolean allowed = PermissionMatrix.allows(java.util.Set.of(role), entry);
                Path run = allowed ? copy(runs + "-" + role.name()) : refused;
                Path db = run.resolve("relais.db");
                Map<String, String> before = modelRows; // the model's rows, which the shared copy still holds
                CliRun result = typedAs(role, entry, run);
                runs++;
                if (allowed && result.err().contains(REFUSAL)) {
                    wrong.add(role + " refused " + entry + ": " + result.err().strip());
                }
                if (!allowed) {
                    refusals++;
                    int wrongBefore = wrong.size();
                    if (result.code() != Cli.FAILURE || !result.err().contains(REFUSAL)) {
                        wrong.add(role + " not refused " + entry + " (exit " + result.code() + "): " + result.err().strip());
                    } else if (!changed(before, digest(db)).isEmpty()) {
                        wrong.add(role + " refused " + entry + " but the store changed: " + changed(before, digest(db)));
                    }
                    if (wrong.size() > wrongBefore) {
                        refused = copy("refus-" + runs); // what the next refusal finds must be the model again
                    }
                }
            }
        }
        System.out.printf("Matrice des droits : %d rôles × %d lignes (%d commandes et %d options) = %d cas vérifiés, dont %d refus%n",
                Role.values().length, PermissionMatrix.entries().size(), commandsOfTheTree().size(),
                PermissionMatrix.entries().size() - commandsOfTheTree().size(), runs, refusals);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aSecretaryCannotExportACohortWithIdentities() throws Exception {
        Path run = copy("cohorte-secretaire");
        Path db = run.resolve("relais.db");
        CliRun refused = typedAs(Role.SECRETAIRE, "report cohort --with-identity", run);
        assertThat(refused.code()).isEqualTo(Cli.FAILURE);
        assertThat(refused.err()).contains("secretaire n'a pas le droit de faire cela (lire les données cliniques)");
        assertThat(run.resolve("cohorte.csv")).doesNotExist();

        CliRun nurse = typedAs(Role.IDE, "report cohort --with-identity", run);
        assertThat(nurse.code()).as(nurse.err()).isZero();
        assertThat(run.resolve("cohorte.csv")).exists();
    }

    @Test
    void anAdministratorCannotListPatientNames() throws Exception {
        Path run = copy("noms-administrateur");
        Path db = run.resolve("relais.db");
        for (String command : List.of("patient list", "worklist", "mssante list", "conflicts list", "threshold history")) {
            CliRun refused = typedAs(Role.ADMINISTRATEUR, command, run);
            assertThat(refused.code()).as(command).isEqualTo(Cli.FAILURE);
            assertThat(refused.err()).as(command).contains("administrateur n'a pas le droit de faire cela");
            assertThat(refused.out()).as(command).doesNotContain("MARTIN");
        }
        assertThat(as(Role.SECRETAIRE, db, "patient", "list").out()).contains("MARTIN");
        assertThat(as(Role.ADMINISTRATEUR, db, "audit", "verify").err()).doesNotContain(REFUSAL);
        assertThat(as(Role.ADMINISTRATEUR, db, "backup", "--out", run.resolve("copie.db").toString()).code()).isZero();
    }

    @Test
    void aNurseCannotImportAPathwayTemplateButTheCoordinatorCan() throws Exception {
        Path run = copy("import-modele");
        Path db = run.resolve("relais.db");
        CliRun nurse = typedAs(Role.IDE, "pathway import", run);
        assertThat(nurse.code()).isEqualTo(Cli.FAILURE);
        assertThat(nurse.err()).contains("ide n'a pas le droit de faire cela (importer des modèles de parcours ou des questionnaires)");
        assertThat(as(Role.IDE, db, "--format", "json", "pathway", "list").json().toString()).doesNotContain("\"version\":99");

        CliRun coordinator = typedAs(Role.IDEC, "pathway import", run);
        assertThat(coordinator.code()).as(coordinator.err()).isZero();
        assertThat(as(Role.IDE, db, "--format", "json", "pathway", "list").json().toString()).contains("\"version\":99");
    }

    @Test
    void anAccountCannotBeBothAdministratorAndNurse() throws Exception {
        Path run = copy("cumul");
        Path db = run.resolve("relais.db");
        Map<String, String> before = digest(db);
        CliRun created = as(Role.ADMINISTRATEUR, db, "account", "add", "--user", "claire", "--role", "ADMINISTRATEUR", "--role", "IDE",
                "--password-file", shared.resolve("mot-de-passe.txt").toString());
        assertThat(created.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(created.err()).contains("un compte ADMINISTRATEUR n'a pas d'autre rôle");
        CliRun changed = as(Role.ADMINISTRATEUR, db, "account", "roles", "ide", "--role", "IDE", "--role", "ADMINISTRATEUR");
        assertThat(changed.code()).isEqualTo(Cli.BAD_INPUT);
        assertThat(changed.err()).contains("un compte ADMINISTRATEUR n'a pas d'autre rôle");
        assertThat(changed(before, digest(db))).isEmpty();
    }

    @Test
    void anAccountCombiningAdministrationAndCareFromAnOlderStoreOpensTheAdministrationOnlyUntilItsRolesAreCorrected() throws Exception {
        Path run = copy("ancien-cumul");
        Path db = run.resolve("relais.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("update account set roles = 'ADMINISTRATEUR,IDEC' where user_id = 'idec'")).isEqualTo(1);
        }
        CliRun names = as(Role.IDEC, db, "patient", "list");
        assertThat(names.code()).isEqualTo(Cli.FAILURE);
        assertThat(names.err()).contains("Le compte idec cumule le rôle ADMINISTRATEUR et un autre rôle", "relais account roles idec",
                "idec n'a pas le droit de faire cela (lire les identités des patients)");
        assertThat(names.out()).doesNotContain("MARTIN");
        assertThat(as(Role.IDEC, db, "account", "list").code()).isZero();

        assertThat(as(Role.ADMINISTRATEUR, db, "account", "roles", "idec", "--role", "IDEC").code()).isZero();
        CliRun corrected = as(Role.IDEC, db, "patient", "list");
        assertThat(corrected.code()).as(corrected.err()).isZero();
        assertThat(corrected.out()).contains("MARTIN");
        assertThat(corrected.err()).doesNotContain("cumule");
    }
}
