package fr.relais.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.TestServices;
import fr.relais.core.audit.AuditChain.Problem;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail's keyed chain and its anchor: intact as written; a changed, removed or slipped-in event is found where
 * it is; an erased trail, a removed tail, an event re-hashed without the key, nulled hashes and a forged or missing
 * anchor are each found; events from before the keyed chain stay verifiable under their old hashes.
 */
class AuditChainTest {
    @TempDir
    Path dir;
    TestServices s;

    @BeforeEach
    void setUp() {
        s = new TestServices(dir.resolve("relais.db"));
    }

    @AfterEach
    void tearDown() {
        if (s != null) {
            s.close();
        }
    }

    private void activity() {
        for (int i = 0; i < 5; i++) {
            s.patients.register(new NewPatient(new StrictTraits("CHAINE", List.of("Test" + (char) ('A' + i)), Sex.F, LocalDate.of(1950, 1, 1 + i),
                    null), null, null, "C" + i, null, null, null));
        }
    }

    private long seq(int index) {
        return ((Number) s.database.dsl().fetchValue("SELECT seq FROM audit_event ORDER BY seq LIMIT 1 OFFSET " + index)).longValue();
    }

    private long lastSeq() {
        return ((Number) s.database.dsl().fetchValue("SELECT max(seq) FROM audit_event")).longValue();
    }

    @Test
    void anIntactTrailVerifiesAndAChangedEventIsFoundWhereItIs() {
        activity();
        AuditChain.Verdict ok = s.audit.verify();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.chained()).as("the event opening the keyed chain, then five registrations").isGreaterThanOrEqualTo(6);
        assertThat(ok.lastHash()).hasSize(64);
        assertThat(s.audit.anchorFile()).exists();

        long third = seq(2);
        s.database.dsl().execute("UPDATE audit_event SET detail = 'effacé' WHERE seq = ?", third);
        AuditChain.Verdict changed = s.audit.verify();
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenAt()).isEqualTo(third);
        assertThat(changed.problem()).isEqualTo(Problem.CONTENT_CHANGED);
    }

    @Test
    void eventsRecordedTogetherInOneTransactionEachLinkToTheOneBefore() {
        activity();
        long before = lastSeq();
        s.database.inTransaction(() -> {
            for (int i = 0; i < 4; i++) {
                s.audit.record("hospital.identity.matched", "HospitalEvent", "E" + i, null, "A01 by IPP");
            }
        });
        List<String> links = s.database.dsl().fetch("SELECT prev_hash, hash FROM audit_event WHERE seq >= ? ORDER BY seq", before)
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class));
        for (int i = 1; i < links.size(); i++) {
            assertThat(links.get(i).split(" ")[0]).as("event %d links to the hash of the one before", i).isEqualTo(links.get(i - 1).split(" ")[1]);
        }
        AuditChain.Verdict ok = s.audit.verify();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.lastHash()).isEqualTo(links.get(links.size() - 1).split(" ")[1]);
    }

    @Test
    void aHospitalMessagesDecisionAndOutcomeWrittenInOneStatementChainInTheirOrder() {
        activity();
        long before = lastSeq();
        long[] statements = new long[1];
        s.database.inTransaction(() -> {
            s.audit.record("hospital.event.duplicate", "HospitalEvent", "E0", null, "A01 MSG0");
            // Six lines: more than one statement holds (ROWS_AT_ONCE), so two inserts, and the tail is not read again.
            List<AuditLog.Line> lines = new java.util.ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                lines.add(s.audit.line(i % 2 == 1 ? "hospital.identity.matched" : "hospital.event.applied", "HospitalEvent", "E" + i, null, "A01"));
            }
            long start = s.database.statementsExecuted();
            s.audit.record(lines);
            statements[0] = s.database.statementsExecuted() - start;
        });
        assertThat(AuditLog.ROWS_AT_ONCE).isBetween(3, 5);
        assertThat(statements[0]).as("six lines in two inserts").isEqualTo(2);
        List<String> written = s.database.dsl().fetch("SELECT entity_id, prev_hash, hash FROM audit_event WHERE seq > ? ORDER BY seq", before)
                .map(r -> r.get(0, String.class) + " " + r.get(1, String.class) + " " + r.get(2, String.class));
        assertThat(written).extracting(w -> w.split(" ")[0]).containsExactly("E0", "E1", "E2", "E3", "E4", "E5", "E6");
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).split(" ")[1]).as("event %d links to the hash of the one before", i).isEqualTo(written.get(i - 1).split(" ")[2]);
        }
        assertThat(s.audit.verify().intact()).isTrue();

        s.database.dsl().execute("UPDATE audit_event SET detail = 'A03' WHERE entity_id = 'E3'");
        AuditChain.Verdict changed = s.audit.verify();
        assertThat(changed.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        assertThat(changed.brokenAt()).isEqualTo(((Number) s.database.dsl().fetchValue("SELECT seq FROM audit_event WHERE entity_id = 'E3'")).longValue());
    }

    @Test
    void aHospitalMessageRolledBackWithinABatchLeavesTheChainIntact() {
        activity();
        s.database.inTransaction(() -> {
            s.audit.record("hospital.identity.matched", "HospitalEvent", "E1", null, "A01 by IPP");
            try {
                s.database.inTransaction(() -> {
                    s.audit.record("hospital.identity.matched", "HospitalEvent", "E2", null, "A03 by IPP");
                    throw new IllegalStateException("this message's effects failed");
                });
            } catch (IllegalStateException expected) {
                // its savepoint rolled back, E2's audit line with it; the batch goes on
            }
            try {
                s.database.dsl().execute("INSERT INTO audit_event (seq) VALUES (NULL)"); // a statement that fails, caught
            } catch (RuntimeException expected) {
                // the batch goes on
            }
            s.audit.record("hospital.identity.matched", "HospitalEvent", "E3", null, "A01 by IPP");
        });
        assertThat(((Number) s.database.dsl().fetchValue("SELECT count(*) FROM audit_event WHERE entity_id = 'E2'")).intValue()).isZero();
        String e1 = (String) s.database.dsl().fetchValue("SELECT hash FROM audit_event WHERE entity_id = 'E1'");
        assertThat((String) s.database.dsl().fetchValue("SELECT prev_hash FROM audit_event WHERE entity_id = 'E3'"))
                .as("the line after the rolled-back one links to the line the store still holds").isEqualTo(e1);
        assertThat(s.audit.verify().intact()).isTrue();
    }

    @Test
    void aRemovedOrInsertedEventBreaksTheLinkOfTheNextOne() {
        activity();
        long second = seq(1);
        long third = seq(2);
        s.database.dsl().execute("DELETE FROM audit_event WHERE seq = ?", second);
        AuditChain.Verdict removed = s.audit.verify();
        assertThat(removed.brokenAt()).isEqualTo(third);
        assertThat(removed.problem()).isEqualTo(Problem.LINK_BROKEN);
    }

    @Test
    void erasingTheWholeAuditTrailIsDetected() throws Exception {
        activity();
        s.database.dsl().execute("DELETE FROM audit_event");
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.EMPTY);

        // Erased with its anchor, then Relais started again and used: the keyed chain is not opened a second time.
        Files.delete(s.audit.anchorFile());
        s.close();
        s = new TestServices(dir.resolve("relais.db"));
        s.registerPatient("APRES", "Effacement", Sex.M, LocalDate.of(1960, 1, 1), "E1");
        AuditChain.Verdict restarted = s.audit.verify();
        assertThat(restarted.intact()).isFalse();
        assertThat(restarted.problem()).isEqualTo(Problem.START_MISSING);
    }

    @Test
    void deletingTheLastEventsIsDetected() {
        activity();
        long last = lastSeq();
        s.database.dsl().execute("DELETE FROM audit_event WHERE seq > ?", last - 3);
        AuditChain.Verdict cut = s.audit.verify();
        assertThat(cut.problem()).isEqualTo(Problem.TAIL_REMOVED);
        assertThat(cut.brokenAt()).isEqualTo(last);

        // Relais carries on writing: the anchor stays on the removed event, as evidence, instead of following the chain.
        s.registerPatient("SUITE", "Apres", Sex.M, LocalDate.of(1960, 1, 1), "C-suite");
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.TAIL_REMOVED);
    }

    @Test
    void anEditedEventRehashedWithoutTheKeyIsDetected() {
        activity();
        long edited = seq(3);
        DSLContext dsl = s.database.dsl();
        dsl.execute("UPDATE audit_event SET actor = 'quelqu''un d''autre' WHERE seq = ?", edited);
        // What a script that knows the published scheme but not the store's key does: recompute every hash from there.
        String prev = (String) dsl.fetchValue("SELECT hash FROM audit_event WHERE seq < ? ORDER BY seq DESC LIMIT 1", edited);
        for (var r : dsl.fetch("SELECT * FROM audit_event WHERE seq >= ? ORDER BY seq", edited)) {
            String hash = AuditChain.hash(prev, r.get("at", String.class), r.get("actor", String.class), r.get("workstation", String.class),
                    r.get("action", String.class), r.get("entity_type", String.class), r.get("entity_id", String.class),
                    r.get("patient_id", String.class), r.get("detail", String.class));
            dsl.execute("UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", prev, hash, r.get("seq", Long.class));
            prev = hash;
        }
        AuditChain.Verdict v = s.audit.verify();
        assertThat(v.problem()).isEqualTo(Problem.CONTENT_CHANGED);
        assertThat(v.brokenAt()).isEqualTo(edited);
    }

    @Test
    void nullingTheHashesIsDetected() {
        activity();
        s.database.dsl().execute("UPDATE audit_event SET hash = NULL, prev_hash = NULL");
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.UNCHAINED);
    }

    @Test
    void aForgedOrMissingAnchorIsDetected() throws Exception {
        activity();
        Path anchor = s.audit.anchorFile();
        String genuine = forgeAnchor();
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.ANCHOR_ALTERED);
        Files.delete(anchor);
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.ANCHOR_MISSING);
        Files.writeString(anchor, genuine);
        assertThat(s.audit.verify().intact()).isTrue();
    }

    /** Rewrites the anchor in place to name the second event with the last one's hash and signature; returns what it was. */
    private String forgeAnchor() throws Exception {
        Path anchor = s.audit.anchorFile();
        String genuine = Files.readString(anchor);
        String[] parts = genuine.strip().split(" ");
        Files.writeString(anchor, parts[0] + " " + String.format(java.util.Locale.ROOT, "%019d", seq(1)) + " " + parts[2] + " " + parts[3] + "\n");
        return genuine;
    }

    @Test
    void anAnchorForgedRightAfterACommitIsLeftAsEvidenceByTheNextCommit() throws Exception {
        activity();
        Path anchor = s.audit.anchorFile();
        // Rewritten in place, same length, just after this process moved it: the process must not trust what it wrote.
        String genuine = forgeAnchor();
        String forged = Files.readString(anchor);
        s.registerPatient("APRES", "Falsification", Sex.F, LocalDate.of(1970, 1, 1), "F-apres");
        assertThat(Files.readString(anchor)).as("the forged anchor stays as it is").isEqualTo(forged);
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.ANCHOR_ALTERED);

        // The anchor put back as it was: the next commit moves it to the chain's new tail, signed.
        Files.writeString(anchor, genuine);
        s.registerPatient("ENSUITE", "Reprise", Sex.M, LocalDate.of(1971, 1, 1), "F-ensuite");
        assertThat(Files.readString(anchor)).contains(String.format(java.util.Locale.ROOT, "%019d", lastSeq()));
        assertThat(s.audit.verify().intact()).isTrue();
    }

    @Test
    void eventsFromBeforeTheKeyedChainKeepTheirOldHashesVerifiable() throws Exception {
        s.close();
        s = null;
        Path old = dir.resolve("v24.db");
        Flyway.configure().dataSource("jdbc:sqlite:" + old, null, null).locations("classpath:db/migration").target("24").load().migrate();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + old); var st = c.createStatement()) {
            st.execute("INSERT INTO audit_event (at, actor, workstation, action, entity_type, entity_id) "
                    + "VALUES ('2026-01-01T00:00:00.000Z', 'old', 'poste', 'legacy', 'X', '0')");
            String prev = AuditChain.START;
            for (int i = 1; i <= 3; i++) {
                String at = "2026-01-0" + (i + 1) + "T00:00:00.000Z";
                String hash = AuditChain.hash(prev, at, "ide", "poste", "patient.create", "Patient", "p" + i, null, null);
                st.execute("INSERT INTO audit_event (at, actor, workstation, action, entity_type, entity_id, prev_hash, hash) VALUES ('"
                        + at + "', 'ide', 'poste', 'patient.create', 'Patient', 'p" + i + "', '" + prev + "', '" + hash + "')");
                prev = hash;
            }
        }
        s = new TestServices(old);
        activity();
        AuditChain.Verdict v = s.audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.unchained()).isEqualTo(1);
        assertThat(v.chained()).as("3 under SHA-256, then the keyed chain's opening event and 5").isEqualTo(3 + 1 + 5);

        s.database.dsl().execute("UPDATE audit_event SET actor = 'autre' WHERE entity_id = 'p2'");
        assertThat(s.audit.verify().problem()).isEqualTo(Problem.CONTENT_CHANGED);
    }
}
