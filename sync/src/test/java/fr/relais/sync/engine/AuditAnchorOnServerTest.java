package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.audit.AuditChain;
import fr.relais.core.identity.Patient;
import fr.relais.sync.fhir.AuditAnchorMapper;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Basic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit anchor kept on the team server (issue 23): each audit push puts the store's anchor there, and a trail cut
 * or erased on the laptop, its anchor file deleted too and Relais used since (so that the laptop alone sees nothing),
 * fails verification against the server's anchor, which the next syncs leave as it is.
 */
class AuditAnchorOnServerTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static String serverAnchor(Laptop laptop) {
        return AuditAnchorSync.read(laptop.core.audit(), laptop.settings).orElseThrow(() -> new AssertionError("no anchor on the server"));
    }

    private static long lastSeq(Laptop laptop) {
        return laptop.core.database().dsl().fetchOne("SELECT max(seq) FROM audit_event").get(0, Long.class);
    }

    @Test
    void eachAuditPushPutsTheStoresSignedAnchorOnTheServerAsOneBasicMovedForward() {
        try (Laptop a = new Laptop(dir, "anchor-a", SERVER.baseUrl(), "anchor-" + System.nanoTime())) {
            Patient p = a.register("GIRARD", "Lucie", "AN-" + System.nanoTime());
            a.core.patients().openFile(p.id(), "desktop");
            a.sync();
            String first = serverAnchor(a);
            assertThat(a.core.audit().verify(first).intact()).isTrue();

            a.core.patients().openFile(p.id(), "desktop");
            a.sync();
            String second = serverAnchor(a);
            assertThat(second).as("moved forward by the next push").isNotEqualTo(first);
            Basic onServer = RelaisFhir.CONTEXT.newRestfulGenericClient(SERVER.baseUrl()).read().resource(Basic.class)
                    .withId(a.core.audit().serverAnchorId()).execute();
            assertThat(onServer.getCode().getCodingFirstRep().getCode()).isEqualTo(AuditAnchorMapper.CODE);
            assertThat(onServer.getIdentifierFirstRep().getValue()).isEqualTo(a.core.audit().serverAnchorId());
            assertThat(onServer.getAuthor().getDisplay()).isEqualTo("Relais anchor-a");
            assertThat(onServer.getIdElement().getVersionIdPart()).as("one resource per store, updated").isEqualTo("2");
        }
    }

    @Test
    void theLastEventsDeletedWithTheAnchorFileAreFoundFromTheServersAnchor() throws Exception {
        try (Laptop a = new Laptop(dir, "anchor-tail", SERVER.baseUrl(), "anchor-" + System.nanoTime())) {
            Patient p = a.register("ROUX", "Nadia", "AN-" + System.nanoTime());
            for (int i = 0; i < 3; i++) {
                a.core.patients().openFile(p.id(), "desktop");
            }
            a.sync();
            long pushed = lastSeq(a);

            // Someone removes the last three file openings and the anchor file beside the store, then Relais is used
            // again: the anchor beside the store now names the new last event, and the laptop alone sees nothing.
            a.core.database().dsl().execute("DELETE FROM audit_event WHERE seq > ?", pushed - 3);
            Files.delete(a.core.audit().anchorFile());
            a.core.patients().openFile(p.id(), "desktop");
            assertThat(a.core.audit().verify().intact()).as("locally the cut no longer shows").isTrue();

            AuditChain.Verdict verdict = a.core.audit().verify(serverAnchor(a));
            assertThat(verdict.problem()).isEqualTo(AuditChain.Problem.SERVER_TAIL_REMOVED);
            assertThat(verdict.brokenAt()).as("the event the server's anchor names, among those removed").isGreaterThan(pushed - 3);

            // The next sync does not move the server's anchor onto the shortened trail: it stays as evidence.
            String evidence = serverAnchor(a);
            a.sync();
            assertThat(serverAnchor(a)).isEqualTo(evidence);
            assertThat(a.core.audit().verify(serverAnchor(a)).problem()).isEqualTo(AuditChain.Problem.SERVER_TAIL_REMOVED);
        }
    }

    @Test
    void theWholeTrailErasedWithTheAnchorFileAndStartedAgainIsFoundFromTheServersAnchor() throws Exception {
        Path anchorFile;
        String team = "anchor-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "anchor-erased", SERVER.baseUrl(), team)) {
            Patient p = a.register("MOREAU", "Anne", "AN-" + System.nanoTime());
            a.core.patients().openFile(p.id(), "desktop");
            a.sync();
            // Erased: every event, the mark of the chain's start and the anchor file, so that the next start opens
            // a new chain as if the store were new.
            a.core.database().dsl().execute("DELETE FROM audit_event");
            a.core.database().dsl().execute("UPDATE audit_key SET started_at = NULL");
            anchorFile = a.core.audit().anchorFile();
        }
        Files.delete(anchorFile);
        try (Laptop again = new Laptop(dir, "anchor-erased", SERVER.baseUrl(), team)) {
            again.register("MOREAU", "Anne", "AN-" + System.nanoTime());
            assertThat(again.core.audit().verify().intact()).as("locally a new trail, anchored afresh").isTrue();

            AuditChain.Verdict verdict = again.core.audit().verify(serverAnchor(again));
            assertThat(verdict.intact()).isFalse();
            assertThat(verdict.problem()).isEqualTo(AuditChain.Problem.SERVER_TAIL_REMOVED);
        }
    }

    @Test
    void aStoreNeverSyncedHasNoAnchorOnTheServerAndAForgedOneIsRefused() {
        try (Laptop a = new Laptop(dir, "anchor-new", SERVER.baseUrl(), "anchor-" + System.nanoTime());
             Laptop other = new Laptop(dir, "anchor-other", SERVER.baseUrl(), "anchor-" + System.nanoTime())) {
            assertThat(AuditAnchorSync.read(a.core.audit(), a.settings)).isEmpty();
            other.register("BLANC", "Léa", "AN-" + System.nanoTime());
            other.sync();
            // Another store's anchor, signed with another key, put forward as this one's.
            assertThat(a.core.audit().verify(serverAnchor(other)).problem()).isEqualTo(AuditChain.Problem.SERVER_ANCHOR_ALTERED);
        }
    }
}
