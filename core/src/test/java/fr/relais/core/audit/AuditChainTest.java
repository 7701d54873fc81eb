package fr.relais.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.TestServices;
import fr.relais.core.identity.NewPatient;
import fr.relais.core.identity.Sex;
import fr.relais.core.identity.StrictTraits;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail's hash chain: intact as written; a changed, removed or slipped-in event is found where it is. */
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
        s.close();
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

    @Test
    void anIntactTrailVerifiesAndAChangedEventIsFoundWhereItIs() {
        activity();
        AuditChain.Verdict ok = s.audit.verify();
        assertThat(ok.intact()).isTrue();
        assertThat(ok.chained()).isGreaterThanOrEqualTo(5);
        assertThat(ok.lastHash()).hasSize(64);

        long third = seq(2);
        s.database.dsl().execute("UPDATE audit_event SET detail = 'effacé' WHERE seq = ?", third);
        AuditChain.Verdict changed = s.audit.verify();
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenAt()).isEqualTo(third);
        assertThat(changed.reason()).contains("content changed");
    }

    @Test
    void aRemovedOrInsertedEventBreaksTheLinkOfTheNextOne() {
        activity();
        long second = seq(1);
        long third = seq(2);
        s.database.dsl().execute("DELETE FROM audit_event WHERE seq = ?", second);
        AuditChain.Verdict removed = s.audit.verify();
        assertThat(removed.brokenAt()).isEqualTo(third);
        assertThat(removed.reason()).contains("link");
    }

    @Test
    void eventsFromBeforeTheChainMayOnlyComeFirst() {
        s.database.dsl().execute("INSERT INTO audit_event (at, actor, workstation, action, entity_type, entity_id) "
                + "VALUES ('2026-01-01T00:00:00.000Z', 'old', 'poste', 'legacy', 'X', '1')");
        activity();
        AuditChain.Verdict v = s.audit.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.unchained()).isEqualTo(1);
        s.database.dsl().execute("INSERT INTO audit_event (at, actor, workstation, action, entity_type, entity_id) "
                + "VALUES ('2026-01-02T00:00:00.000Z', 'intrus', 'poste', 'forged', 'X', '2')");
        AuditChain.Verdict forged = s.audit.verify();
        assertThat(forged.intact()).isFalse();
        assertThat(forged.reason()).contains("unchained");
    }
}
