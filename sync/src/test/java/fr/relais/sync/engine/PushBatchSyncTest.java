package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.identity.Patient;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.core.replication.Conflict;
import fr.relais.sync.fhir.ObservationMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The push sends the outbox in transaction Bundles of the configured size (ADR 0018): few requests for many changes,
 * and a record the server refuses is isolated by splitting its Bundle, so that it alone goes to the inbox.
 */
class PushBatchSyncTest extends ForeignWorldFixture {
    private TransactionCounter weightBundles;
    private Laptop counted;

    /** The fixture's laptop, opened again with a counter of the transactions that carry weights. */
    @BeforeEach
    void countTheWeightsBundles() {
        laptop.close();
        weightBundles = new TransactionCounter("Observation");
        counted = new Laptop(dir, "counted", SERVER.baseUrl(), world.team(), weightBundles);
        laptop = counted;
    }

    private Measure weigh(UUID patient, String kilos, Instant at) {
        return laptop.core.measures().record(new NewMeasure(patient, MeasureCatalog.BODY_WEIGHT, kilos, "kg", at, MeasureSource.ENTERED));
    }

    /** The team's weights of a patient on the server, counted by the server (a search page holds 50 at most). */
    private int weightsOnServer(String patientId) {
        return world.client().search().forResource(Observation.class).withTag(fr.relais.sync.fhir.RelaisFhir.TEAM_TAG_SYSTEM, world.team())
                .whereMap(Map.of("subject", List.of("Patient/" + patientId)))
                .cacheControl(new ca.uhn.fhir.rest.api.CacheControlDirective().setNoCache(true))
                .summaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT).returnBundle(org.hl7.fhir.r4.model.Bundle.class).execute().getTotal();
    }

    @Test
    void aHundredChangesGoOutInFewRequests() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        for (int i = 0; i < 100; i++) {
            weigh(patient, String.valueOf(70 + i % 10) + ".5", hoursAgo(100 - i));
        }

        SyncReport byDefault = laptop.sync();

        assertThat(byDefault.pushed()).isEqualTo(100);
        assertThat(weightBundles.transactions()).as("two Bundles of %d", SyncSettings.DEFAULT_PUSH_BATCH).isEqualTo(2);
        assertThat(weightsOnServer(patientId)).isEqualTo(100);

        for (int i = 0; i < 100; i++) {
            weigh(patient, String.valueOf(80 + i % 10) + ".5", hoursAgo(100 - i).plusSeconds(60));
        }
        laptop.settings = laptop.settings.withPushBatch(30);
        SyncReport bySetting = laptop.sync();

        assertThat(bySetting.pushed()).isEqualTo(100);
        assertThat(weightBundles.transactions() - 2).as("Bundles of 30: 30, 30, 30, 10").isEqualTo(4);
        assertThat(weightsOnServer(patientId)).isEqualTo(200);
    }

    @Test
    void oneRefusedWeightDoesNotHoldBackTheOtherPatientsWeights() {
        String removed = world.create("patient-provisional-used-name.json", Map.of());
        List<Patient> others = new ArrayList<>();
        for (String family : List.of("KERJEAN", "LE BRIS", "TANGUY", "MADEC", "JEZEQUEL", "PRIGENT")) {
            others.add(laptop.register(family, "Anne", "IPP-" + family.replace(" ", "")));
        }
        laptop.sync();
        // Another system deletes one patient on the server; the laptop does not know yet.
        world.client().delete().resourceById("Patient", removed).execute();
        List<Measure> accepted = new ArrayList<>();
        Measure refused = null;
        for (int round = 0; round < 4; round++) {
            for (Patient p : others) {
                accepted.add(weigh(p.id(), "6" + round + ".4", hoursAgo(10 - round)));
            }
            if (round == 2) {
                refused = weigh(ObservationMapper.localId(removed), "80", hoursAgo(8));
            }
        }
        int before = weightBundles.transactions();

        SyncReport report = laptop.sync();

        assertThat(report.status()).isEqualTo("DONE");
        assertThat(report.refused()).isEqualTo(1);
        assertThat(report.pushed()).isEqualTo(24);
        for (Measure m : accepted) {
            assertThat(world.read(Observation.class, m.id().toString()).getValueQuantity().getValue())
                    .isEqualByComparingTo(m.value());
        }
        List<Conflict> inbox = laptop.core.conflicts().list(true);
        assertThat(inbox).singleElement().satisfies(c -> assertThat(c.isRefusal()).isTrue());
        assertThat(inbox.get(0).localId()).isEqualTo(refused.id());
        assertThat(ServerRefusal.of(inbox.get(0)).status()).isEqualTo(400);
        // One Bundle of 25 refused, then halves down to the weight at fault: at most 1 + 2 × 5 requests, far from 25.
        assertThat(weightBundles.transactions() - before).isBetween(3, 11);
        assertThat(laptop.core.outbox().count()).as("only the refused weight waits").isEqualTo(1);
    }
}
