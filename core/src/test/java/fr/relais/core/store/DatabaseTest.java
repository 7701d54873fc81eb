package fr.relais.core.store;

import static fr.relais.core.store.schema.Tables.PATIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.relais.core.TestServices;
import fr.relais.core.error.BadInputException;
import fr.relais.core.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T08:30:00Z"), ZoneOffset.UTC);
    /** A patient id as every version wrote them; the generated id column reads it as a UUID. */
    private static final java.util.UUID P1 = java.util.UUID.fromString("6e1b7c2a-3f4d-4c1e-9a8b-0c1d2e3f4a5b");

    @TempDir
    Path dir;

    @Test
    void createsTheFileInWalModeWithForeignKeysOn() {
        Path file = dir.resolve("sub/folder/relais.db");
        try (Database db = Database.open(file, CLOCK)) {
            assertThat(file).exists();
            assertThat(db.dsl().fetchValue("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(db.dsl().fetchValue("PRAGMA foreign_keys")).hasToString("1");
            assertThat(db.meta().kind()).isEqualTo(StoreKind.PRODUCTION);
            assertThat(db.meta().storeId()).hasSize(36);
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (TestServices services = new TestServices(dir.resolve("relais.db"))) {
            Database db = services.database;
            assertThatThrownBy(() -> db.inTransaction(() -> {
                db.meta().put("k", "v");
                throw new IllegalStateException("boom");
            })).hasMessage("boom");
            assertThat(db.meta().get("k")).isEmpty();
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (Database db = Database.open(dir.resolve("relais.db"), CLOCK)) {
            assertThatThrownBy(() -> db.dsl().execute(
                    "INSERT INTO identity_event (id, patient_id, at, actor, to_status, reason) VALUES ('e', 'nobody', 'x', 'a', 'PROV', 'r')"))
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void aStoreFromANewerRelaisIsRefusedUntouched() throws Exception {
        Path file = storeWithItsHistoryChanged("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                + "script, checksum, installed_by, installed_on, execution_time, success) VALUES (999, '999', 'future', 'SQL', "
                + "'V999__future.sql', 0, 'x', '2030-01-01 00:00:00.000', 1, 1)");
        long sizeBefore = Files.size(file);
        assertThatThrownBy(() -> Database.open(file, CLOCK))
                .isInstanceOfSatisfying(StoreTooNewException.class, e -> {
                    assertThat(e.reasonKey()).isEqualTo("store.tooNew");
                    assertThat(e.args().get(0)).isEqualTo("999");
                })
                .isInstanceOf(BadInputException.class);
        assertThat(Files.size(file)).isEqualTo(sizeBefore);
        assertThat(backupsBeside()).isEmpty();
    }

    @Test
    void aStoreAlreadyAtTheLatestVersionOpensWithoutMigratingAgain() throws Exception {
        Path file = dir.resolve("relais.db");
        Database.open(file, CLOCK).close();
        List<Map<String, Object>> historyBefore = schemaHistory(file);

        try (Database db = Database.open(file, Clock.offset(CLOCK, Duration.ofDays(1)))) {
            assertThat(db.dsl().fetchValue("SELECT count(*) FROM patient")).hasToString("0");
        }

        assertThat(historyBefore).hasSizeGreaterThan(1);
        assertThat(schemaHistory(file)).isEqualTo(historyBefore);
        assertThat(backupsBeside()).isEmpty();
    }

    /** The quick open of an up-to-date store still compares every applied script with this version's. */
    @Test
    void aStoreWhoseAppliedSchemaUpdateWasAlteredIsRefusedUntouched() throws Exception {
        Path file = storeWithItsHistoryChanged("UPDATE flyway_schema_history SET checksum = checksum + 1 "
                + "WHERE installed_rank = (SELECT max(installed_rank) FROM flyway_schema_history)");
        List<Map<String, Object>> historyBefore = schemaHistory(file);
        byte[] before = Files.readAllBytes(file);

        BadInputException refused = catchThrowableOfType(BadInputException.class,
                () -> Database.open(file, CLOCK));

        assertThat(refused.reasonKey()).isEqualTo("store.migrationFailed");
        assertThat(refused.reason(Language.FR)).contains("mise à jour de schéma interrompue ou modifiée");
        assertThat(schemaHistory(file)).isEqualTo(historyBefore);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(backupsBeside()).isEmpty();
    }

    /**
     * Once one store's history has been checked in a JVM, a store like it opens without Flyway (ADR 0026): the next
     * test pays no scan of the scripts. Here a history the build did not write (its ranks renumbered, which Flyway
     * accepts), so that only this JVM's memory can spare the second check.
     */
    @Test
    void aStoreLikeOneAlreadyCheckedOpensWithoutReadingTheSchemaUpdatesAgain() throws Exception {
        Path first = dir.resolve("premier.db");
        Path second = dir.resolve("second.db");
        for (Path store : List.of(first, second)) {
            Database.open(store, CLOCK).close();
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + store); var statement = connection.createStatement()) {
                statement.execute("UPDATE flyway_schema_history SET installed_rank = installed_rank + 1000");
            }
        }
        long before = SchemaHistory.flywayValidations();
        Database.open(first, CLOCK).close(); // checked by Flyway, unless a store like it already was in this JVM
        long checked = SchemaHistory.flywayValidations();

        Database.open(second, CLOCK).close();
        try (Database db = Database.open(first, CLOCK)) {
            assertThat(db.dsl().fetchValue("SELECT count(*) FROM patient")).hasToString("0");
        }

        assertThat(SchemaHistory.flywayValidations()).isEqualTo(checked).isLessThanOrEqualTo(before + 1).isPositive();
    }

    /**
     * The history bundled with this build (ADR 0028) is the one Flyway writes when it creates a store from these scripts:
     * so a store this build created, or migrated to this version, opens without Flyway in any JVM, a command line's too.
     */
    @Test
    void aStoreThisVersionCreatedOpensWithoutFlywayEvenInANewProgram() throws Exception {
        Path file = dir.resolve("relais.db");
        Database.open(file, CLOCK).close();
        org.sqlite.SQLiteDataSource store = new org.sqlite.SQLiteDataSource();
        store.setUrl("jdbc:sqlite:" + file);
        var written = SchemaHistory.read(store);

        assertThat(SchemaHistory.bundled()).as("the build recorded the history Flyway wrote").isPresent();
        assertThat(written).isEqualTo(SchemaHistory.bundled());
        assertThat(written.orElseThrow()).hasSize(schemaHistory(file).size());
        long checked = SchemaHistory.flywayValidations();
        try (Database db = Database.open(file, CLOCK)) {
            assertThat(db.dsl().fetchValue("SELECT count(*) FROM patient")).hasToString("0");
        }
        assertThat(SchemaHistory.flywayValidations()).isEqualTo(checked);
    }

    /** A history that differs from the bundled one in any way Flyway would refuse is never taken for it. */
    @Test
    void aNewerFailedOrAlteredHistoryIsNotTheBundledOne() {
        List<SchemaHistory.Row> bundled = SchemaHistory.bundled().orElseThrow();
        SchemaHistory.Row last = bundled.get(bundled.size() - 1);
        List<SchemaHistory.Row> newer = new ArrayList<>(bundled);
        newer.add(new SchemaHistory.Row(last.rank() + 1, "999", "future", "SQL", "V999__future.sql", 0, true));
        List<SchemaHistory.Row> failed = new ArrayList<>(bundled);
        failed.set(bundled.size() - 1, new SchemaHistory.Row(last.rank(), last.version(), last.description(), last.type(),
                last.script(), last.checksum(), false));
        List<SchemaHistory.Row> altered = new ArrayList<>(bundled);
        altered.set(0, new SchemaHistory.Row(1, bundled.get(0).version(), bundled.get(0).description(), bundled.get(0).type(),
                bundled.get(0).script(), bundled.get(0).checksum() + 1, true));
        List<SchemaHistory.Row> older = bundled.subList(0, bundled.size() - 1);

        for (List<SchemaHistory.Row> other : List.of(newer, failed, altered, older)) {
            assertThat(other).isNotEqualTo(bundled);
            assertThat(SchemaHistory.isBundled(java.util.Optional.of(other))).isFalse();
        }
        assertThat(SchemaHistory.isBundled(java.util.Optional.of(bundled))).isTrue();
        assertThat(SchemaHistory.isBundled(java.util.Optional.empty())).as("a new file").isFalse();
    }

    /** A bundled file the build left empty or damaged gives no history, so that Flyway checks every store. */
    @Test
    void aDamagedBundledHistoryIsIgnoredSoFlywayChecksEveryStore() {
        java.util.function.Function<String, java.util.Optional<List<SchemaHistory.Row>>> parse = text ->
                SchemaHistory.parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(parse.apply("")).isEmpty();
        assertThat(parse.apply("1|1|init|SQL|V1__init.sql|42|1\n2|2|cut short")).isEmpty();
        assertThat(parse.apply("1|1|init|SQL|V1__init.sql|not a checksum|1\n")).isEmpty();
        assertThat(parse.apply("1|1|init|SQL|V1__init.sql|42|yes\n")).isEmpty();
        assertThat(SchemaHistory.parse(null)).isEmpty();
        assertThat(parse.apply("1|1|init|SQL|V1__init.sql|42|1\n\n2|2|more|SQL|V2__more.sql||0\n")).contains(List.of(
                new SchemaHistory.Row(1, "1", "init", "SQL", "V1__init.sql", 42, true),
                new SchemaHistory.Row(2, "2", "more", "SQL", "V2__more.sql", null, false)));
    }

    /**
     * A store this version created and opened again (so that this JVM remembers a checked history like its own), then
     * its migration history edited behind Relais' back.
     */
    private Path storeWithItsHistoryChanged(String sql) throws Exception {
        Path file = dir.resolve("relais.db");
        Database.open(file, CLOCK).close();
        Database.open(file, CLOCK).close();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
        return file;
    }

    private List<Path> backupsBeside() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".bak")).toList();
        }
    }

    private static List<Map<String, Object>> schemaHistory(Path file) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT * FROM flyway_schema_history ORDER BY installed_rank")) {
            List<Map<String, Object>> history = new ArrayList<>();
            while (rows.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                    row.put(rows.getMetaData().getColumnName(c), rows.getObject(c));
                }
                history.add(row);
            }
            return history;
        }
    }

    @Test
    void aStoreOfTheFirstSchemaVersionIsBackedUpThenMigratedWithItsData() throws Exception {
        Path file = dir.resolve("old.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration").target("1").load().migrate();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (id, birth_family_name, birth_given_names, sex, birth_date, identity_status, "
                    + "status_changed_at, created_at, updated_at) VALUES ('" + P1 + "', 'DURAND', 'Marie', 'F', '1950-01-01', 'PROV', "
                    + "'2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z')");
        }
        boolean laterVersionsExist = Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                .locations("classpath:db/migration").load().info().pending().length > 0;

        try (Database db = Database.open(file, CLOCK)) {
            assertThat(db.dsl().fetchValue(PATIENT.BIRTH_FAMILY_NAME, PATIENT.ID.eq(P1))).isEqualTo("DURAND");
            String latest = Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null)
                    .locations("classpath:db/migration").load().info().current().getVersion().getVersion();
            assertThat(db.dsl().fetchValue("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")).hasToString(latest);
        }
        try (Stream<Path> files = Files.list(dir)) {
            var backups = files.filter(p -> p.getFileName().toString().startsWith("old.db.v1-")).toList();
            assertThat(backups).hasSize(laterVersionsExist ? 1 : 0);
            for (Path backup : backups) {
                try (var c = DriverManager.getConnection("jdbc:sqlite:" + backup); var s = c.createStatement();
                     var rs = s.executeQuery("SELECT count(*) FROM patient")) {
                    assertThat(rs.getInt(1)).isEqualTo(1);
                }
            }
        }
    }

    /** The desktop forbids SQL on its UI thread: every statement checks, so a stray call fails the UI tests. */
    @Test
    void aForbiddenThreadCannotRunSql() {
        try (TestServices services = new TestServices(dir.resolve("guard.db"))) {
            Thread self = Thread.currentThread();
            services.database.forbidThread(t -> t == self, true);
            assertThatThrownBy(() -> services.patients.count()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Database call on thread " + self.getName());
            services.database.forbidThread(t -> false, true);
            assertThat(services.patients.count()).isZero();
        }
    }

    /** V9 rebuilds alert and task (SQLite cannot drop NOT NULL): every row and every reference must survive. */
    @Test
    void alertsAndTasksSurviveTheRebuildOfVersion9() throws Exception {
        Path file = dir.resolve("v8.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration").target("8").load().migrate();
        String t = "'2026-11-02T08:00:00.000Z'";
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("PRAGMA foreign_keys = ON");
            statement.execute("INSERT INTO patient (id, birth_family_name, birth_given_names, sex, birth_date, identity_status, "
                    + "status_changed_at, created_at, updated_at) VALUES ('p1', 'DURAND', 'Marie', 'F', '1950-01-01', 'PROV', "
                    + t + ", " + t + ", " + t + ")");
            statement.execute("INSERT INTO pathway_template VALUES ('ic', 1, 'IC', 'HF', '{}', 'BUILTIN', " + t + ")");
            statement.execute("INSERT INTO enrollment VALUES ('e1', 'p1', 'ic', 1, '2026-11-02', '2027-02-02', 'ACTIVE', NULL, "
                    + t + ", '2026-11-16', " + t + ")");
            statement.execute("INSERT INTO measure VALUES ('m1', 'p1', '29463-7', '80', 'kg', '80', 'kg', " + t
                    + ", 'ENTERED', 'idec', 0, 'FINAL', NULL, " + t + ", " + t + ")");
            statement.execute("INSERT INTO alert (id, patient_id, enrollment_id, rule_id, code, kind, level, status, is_open, "
                    + "explanation, opened_at, updated_at, status_by, status_reason, escalated_at) VALUES ('a1', 'p1', 'e1', "
                    + "'weight', '29463-7', 'ABSOLUTE', 'RED', 'OPEN', 1, '{}', " + t + ", " + t + ", 'relais', NULL, " + t + ")");
            statement.execute("INSERT INTO alert_measure VALUES ('a1', 'm1', 'RED')");
            statement.execute("INSERT INTO alert_event VALUES ('ev1', 'a1', " + t + ", 'relais', NULL, 'OPEN', 'RED', NULL)");
            statement.execute("INSERT INTO task (id, enrollment_id, patient_id, template_id, step_id, occurrence, kind, title_fr, "
                    + "title_en, role, priority, priority_rank, status, is_open, due_at, created_at, updated_at, alert_id) VALUES "
                    + "('t1', 'e1', 'p1', 'ic', 'alert_review:weight', 1, 'ALERT_REVIEW', 'Examiner', 'Review', 'IDEC', 'ASAP', 1, "
                    + "'REQUESTED', 1, " + t + ", " + t + ", " + t + ", 'a1')");
            statement.execute("INSERT INTO task_event VALUES ('te1', 't1', " + t + ", 'relais', NULL, 'REQUESTED', 'CREATE', NULL)");
        }

        try (Database db = Database.open(file, CLOCK)) {
            var dsl = db.dsl();
            assertThat(dsl.fetchValue("SELECT escalation_step FROM alert WHERE id = 'a1'")).hasToString("1");
            assertThat(dsl.fetchValue("SELECT alert_id FROM task WHERE id = 't1'")).isEqualTo("a1");
            assertThat(dsl.fetchValue("SELECT count(*) FROM alert_measure JOIN alert ON alert.id = alert_id")).hasToString("1");
            assertThat(dsl.fetchValue("SELECT count(*) FROM task_event JOIN task ON task.id = task_id")).hasToString("1");
            assertThat(dsl.fetch("PRAGMA foreign_key_check")).isEmpty();
            assertThat(dsl.fetchValue("PRAGMA foreign_keys")).hasToString("1");
            assertThat(dsl.fetch("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task'").getValues(0, String.class))
                    .contains("task_team_open_due", "task_team_open_order", "task_alert", "task_open_role_due");
        }
    }

    /**
     * V34 (issue 21): alerts stored before it get the direction their own value and bounds say, so an open
     * hypoglycaemia keeps its place and a hyperglycaemia can open beside it; one per direction stays the rule.
     */
    @Test
    void alertsStoredBeforeVersion34GetTheDirectionTheirValueCrossed() throws Exception {
        Path file = dir.resolve("v33.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration").target("33").load().migrate();
        String columns = "INSERT INTO alert (id, patient_id, enrollment_id, rule_id, code, kind, level, status, is_open, explanation, "
                + "opened_at, updated_at, status_by, status_reason) VALUES ";
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (id, birth_family_name, birth_given_names, sex, birth_date, identity_status, "
                    + "status_changed_at, created_at, updated_at) VALUES ('p1', 'DURAND', 'Marie', 'F', '1950-01-01', 'PROV', "
                    + T + ", " + T + ", " + T + ")");
            statement.execute(columns + "('hypo', 'p1', NULL, 'glycemie', '2339-0', 'ABSOLUTE', 'RED', 'OPEN', 1, "
                    + "'{\"value\":\"0.4\",\"redBelow\":\"0.54\",\"redAbove\":\"2.5\",\"yellowBelow\":\"0.7\",\"yellowAbove\":null}', "
                    + T + ", " + T + ", 'relais', NULL)");
            statement.execute(columns + "('hyper', 'p1', NULL, 'glycemie', '2339-0', 'ABSOLUTE', 'RED', 'RESOLVED', 0, "
                    + "'{\"value\":\"2.6\",\"redBelow\":\"0.54\",\"redAbove\":\"2.5\",\"yellowBelow\":\"0.7\",\"yellowAbove\":null}', "
                    + T + ", " + T + ", 'idec', 'vu')");
            statement.execute(columns + "('phq', 'p1', NULL, 'score:PHQ-9', 'PHQ-9', 'ABSOLUTE', 'RED', 'OPEN', 1, "
                    + "'{\"score\":\"24\",\"redBelow\":null,\"redAbove\":\"19\",\"yellowBelow\":null,\"yellowAbove\":\"14\"}', "
                    + T + ", " + T + ", 'relais', NULL)");
            statement.execute(columns + "('other', 'p1', NULL, 'x', 'x', 'ABSOLUTE', 'YELLOW', 'OPEN', 1, 'texte libre', "
                    + T + ", " + T + ", 'relais', NULL)");
        }

        try (Database db = Database.open(file, CLOCK)) {
            var dsl = db.dsl();
            assertThat(dsl.fetch("SELECT id || ' ' || ifnull(direction, '-') FROM alert ORDER BY id").getValues(0, String.class))
                    .containsExactly("hyper above", "hypo below", "other -", "phq above");
            // A hyperglycaemia opens beside the open hypoglycaemia; a second open hypoglycaemia is refused.
            dsl.execute(columns + "('hyper2', 'p1', NULL, 'glycemie', '2339-0', "
                    + "'ABSOLUTE', 'RED', 'OPEN', 1, '{\"value\":\"2.9\",\"direction\":\"above\"}', " + T + ", " + T + ", 'relais', NULL)");
            assertThatThrownBy(() -> dsl.execute(columns + "('hypo2', 'p1', NULL, 'glycemie', '2339-0', 'ABSOLUTE', 'RED', 'OPEN', 1, "
                    + "'{\"value\":\"0.3\",\"direction\":\"below\"}', " + T + ", " + T + ", 'relais', NULL)"))
                    .hasMessageContaining("UNIQUE");
        }
    }

    private static final String T = "'2026-11-02T08:00:00.000Z'";

    /**
     * A store at schema version {@code version} holding patient p1 and the rows {@code inserts} add, then opened by this
     * Relais (the later migrations run): what the outbox then holds, as "type/id" in queue order.
     */
    private List<String> queuedAfterMigratingFrom(String version, String... inserts) throws Exception {
        Path file = dir.resolve("v" + version + ".db");
        Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration").target(version).load().migrate();
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("INSERT INTO patient (id, birth_family_name, birth_given_names, sex, birth_date, identity_status, "
                    + "status_changed_at, created_at, updated_at) VALUES ('p1', 'DURAND', 'Marie', 'F', '1950-01-01', 'PROV', "
                    + T + ", " + T + ", " + T + ")");
            for (String insert : inserts) {
                statement.execute(insert);
            }
        }
        try (Database db = Database.open(file, CLOCK)) {
            return db.dsl().fetch("SELECT resource_type, local_id FROM outbox ORDER BY seq").map(r -> r.get(0) + "/" + r.get(1));
        }
    }

    /** V19 shares what was recorded before: professionals first, then each cercle de soins once, for the next push. */
    @Test
    void professionalsAndCareTeamsRecordedBeforeVersion19AreQueuedForTheTeamServer() throws Exception {
        assertThat(queuedAfterMigratingFrom("18",
                "INSERT INTO professional (id, family_name, given_name, profession, created_at) VALUES "
                        + "('d1', 'Bonnet', 'Luc', 'MEDECIN', " + T + "), ('n1', 'Roux', 'Anne', 'INFIRMIER', " + T + ")",
                "INSERT INTO care_team_member (id, patient_id, professional_id, role, start_date) VALUES "
                        + "('m1', 'p1', 'd1', 'MEDECIN_TRAITANT', '2026-01-01'), ('m2', 'p1', 'n1', 'IDE_LIBERALE', '2026-01-01')"))
                .containsExactly("Professional/d1", "Professional/n1", "CareTeam/p1");
    }

    /** V23 shares the consents recorded before, withdrawals included, oldest first. */
    @Test
    void consentsRecordedBeforeVersion23AreQueuedForTheTeamServer() throws Exception {
        assertThat(queuedAfterMigratingFrom("22",
                "INSERT INTO consent (id, patient_id, scope, collected_by, collected_on, recorded_at, recorded_by, "
                        + "withdrawn_at, withdrawn_by, withdrawal_reason) VALUES "
                        + "('c2', 'p1', 'TELEMONITORING', 'IDE', '2026-11-03', '2026-11-03T08:00:00.000Z', 'ide', NULL, NULL, NULL), "
                        + "('c1', 'p1', 'CARE_TEAM_SHARING', 'IDE', '2026-11-02', " + T + ", 'ide', '2026-11-04T08:00:00.000Z', 'ide', 'refus')"))
                .containsExactly("Consent/c1", "Consent/c2");
    }

    /** V24 shares the per-patient thresholds recorded before, in the order they were recorded. */
    @Test
    void thresholdOverridesRecordedBeforeVersion24AreQueuedForTheTeamServer() throws Exception {
        assertThat(queuedAfterMigratingFrom("23",
                "INSERT INTO professional (id, family_name, given_name, profession, created_at) VALUES ('d1', 'Bonnet', 'Luc', 'MEDECIN', " + T + ")",
                "INSERT INTO threshold_override (id, patient_id, template_id, rule_id, definition, valid_from, valid_to, "
                        + "prescriber_id, set_by, reason, created_at) VALUES "
                        + "('o2', 'p1', 'bpco-exacerbation', 'spo2', NULL, '2026-11-05T08:00:00.000Z', NULL, 'd1', 'ide', 'fin', '2026-11-05T08:00:00.000Z'), "
                        + "('o1', 'p1', 'bpco-exacerbation', 'spo2', '{}', " + T + ", '2026-11-05T08:00:00.000Z', 'd1', 'ide', 'début', " + T + ")"))
                .containsExactly("ThresholdOverride/o1", "ThresholdOverride/o2");
    }

    @Test
    void theDataFolderFollowsEachOperatingSystem() {
        assertThat(DataFolder.defaultFolder(Map.of(), "Linux", "/home/ide")).isEqualTo(Path.of("/home/ide/.local/share/relais"));
        assertThat(DataFolder.defaultFolder(Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/ide")).isEqualTo(Path.of("/data/relais"));
        assertThat(DataFolder.defaultFolder(Map.of("LOCALAPPDATA", "C:\\Users\\ide\\AppData\\Local"), "Windows 11", "C:\\Users\\ide"))
                .isEqualTo(Path.of("C:\\Users\\ide\\AppData\\Local", "Relais"));
        assertThat(DataFolder.defaultFolder(Map.of(), "Mac OS X", "/Users/ide")).isEqualTo(Path.of("/Users/ide/Library/Application Support/Relais"));

        Path folder = Path.of("/home/ide/.local/share/relais");
        assertThat(DataFolder.databaseFile(null, Map.of(), folder)).isEqualTo(folder.resolve("relais.db"));
        assertThat(DataFolder.databaseFile(null, Map.of("RELAIS_DB", "/tmp/x.db"), folder)).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DataFolder.databaseFile(Path.of("/tmp/y.db"), Map.of("RELAIS_DB", "/tmp/x.db"), folder)).isEqualTo(Path.of("/tmp/y.db"));
    }
}
