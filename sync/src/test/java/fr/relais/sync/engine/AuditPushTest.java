package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.CacheControlDirective;
import fr.relais.core.identity.Patient;
import fr.relais.sync.fhir.AuditEventMapper;
import fr.relais.sync.fhir.RelaisFhir;
import fr.relais.sync.server.JpaFhirServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit trail's copy on the team server: each local event once, in order, with its chain hash; never pulled. */
class AuditPushTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static List<AuditEvent> onServer(String team) {
        Bundle page = RelaisFhir.CONTEXT.newRestfulGenericClient(SERVER.baseUrl()).search().forResource(AuditEvent.class)
                .withTag(RelaisFhir.TEAM_TAG_SYSTEM, team).count(500).cacheControl(new CacheControlDirective().setNoCache(true))
                .returnBundle(Bundle.class).execute();
        List<AuditEvent> events = new ArrayList<>();
        page.getEntry().forEach(e -> events.add((AuditEvent) e.getResource()));
        return events;
    }

    @Test
    void everyLocalEventReachesTheServerOnceWithItsHashAndWhatCameFromTheServerIsNotSentBack() {
        String team = "audit-" + System.nanoTime();
        try (Laptop a = new Laptop(dir, "audit-a", SERVER.baseUrl(), team); Laptop b = new Laptop(dir, "audit-b", SERVER.baseUrl(), team)) {
            Patient p = a.register("GIRARD", "Lucie", "AU-" + System.nanoTime());
            a.core.patients().openFile(p.id(), "desktop");
            a.sync();
            List<AuditEvent> first = onServer(team);
            long local = a.core.audit().after(0, 10_000).stream().filter(c -> !c.event().action().contains(".sync")).count();
            assertThat(first).hasSize((int) local);
            AuditEvent read = first.stream().filter(e -> e.getSubtypeFirstRep().getCode().equals("patient.read")).findFirst().orElseThrow();
            assertThat(read.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
            assertThat(read.getAgentFirstRep().getWho().getDisplay()).isEqualTo("audit-a");
            assertThat(read.getAgentFirstRep().getNetwork().getAddress()).isEqualTo("audit-a");
            assertThat(read.getEntity()).anySatisfy(e -> assertThat(e.getWhat().getIdentifier().getValue()).isEqualTo(p.id().toString()));
            String hash = a.core.audit().after(0, 10_000).stream().filter(c -> c.event().action().equals("patient.read")).findFirst()
                    .orElseThrow().hash();
            assertThat(read.getEntity()).anySatisfy(e -> assertThat(e.getDetail()).anySatisfy(d -> {
                assertThat(d.getType()).isEqualTo(AuditEventMapper.HASH_SYSTEM);
                assertThat(d.getValueStringType().getValue()).isEqualTo(hash);
            }));

            a.sync();
            assertThat(onServer(team)).as("nothing sent twice").hasSize(first.size());

            // B receives the patient: its own trail says so, but those events are not sent back.
            b.sync();
            b.sync();
            assertThat(b.core.audit().after(0, 10_000)).anyMatch(c -> c.event().action().contains(".sync"));
            assertThat(onServer(team)).as("B's receipts stay on B").hasSize(first.size()
                    + (int) b.core.audit().after(0, 10_000).stream().filter(c -> !c.event().action().contains(".sync")).count());
        }
    }
}
