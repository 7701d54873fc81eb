package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.relais.core.alert.Alert;
import fr.relais.core.alert.AlertStatus;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.time.CareZone;
import fr.relais.sync.fhir.ObservationMapper;
import fr.relais.sync.fhir.RelaisFhir;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/**
 * Measures judged late: a platform's readings reaching a laptop days after they were taken, two laptops judging the same
 * readings at different times. An alert opens when a laptop judges, never at the reading's time (which the measure keeps),
 * and the laptops end with one alert, under one id, opened at the first judgement.
 */
class LateJudgementSyncTest extends ForeignWorldFixture {
    private static final String RISE = "poids-hausse-3j";

    private LocalDate today() {
        return laptop.core.clock().instant().atZone(CareZone.PARIS).toLocalDate();
    }

    /** The scale's two readings, the second 2.7 kg heavier (a red 3-day rise), taken at the times given: the heavier one. */
    private Observation aRedWeightRise(String patientId, Instant first, Instant second) {
        world.create("observation-weight-telemonitoring.json", Map.of("patient", patientId, "effective", first.toString()));
        var heavier = (Observation) world.parse("observation-weight-telemonitoring.json",
                Map.of("patient", patientId, "effective", second.toString()));
        heavier.getValueQuantity().setValue(new BigDecimal("74.5"));
        heavier.getMeta().addTag(RelaisFhir.TEAM_TAG_SYSTEM, world.team(), null);
        heavier.setId(world.client().create().resource(heavier).execute().getId().getIdPart());
        return heavier;
    }

    private static List<Alert> rises(Laptop on, UUID patient) {
        return on.core.alerts().list(false, patient).stream().filter(a -> a.ruleId().equals(RISE)).toList();
    }

    @Test
    void anOldWeightJudgedTodayOpensItsAlertToday() {
        String patientId = world.create("patient-hospital.json", Map.of());
        laptop.sync();
        UUID patient = ObservationMapper.localId(patientId);
        laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today().minusDays(4));
        // The scale was offline: the platform sends the weigh-ins of three days ago and of yesterday morning only now
        // (two calendar days apart: the 3-day rise alone, not the 1-day one).
        Instant taken = daysAgoAt(1, 8);
        Observation heavier = aRedWeightRise(patientId, daysAgoAt(3, 8), taken);
        Instant judged = laptop.core.clock().instant();

        laptop.sync();

        Alert red = rises(laptop, patient).get(0);
        assertThat(red.status()).isEqualTo(AlertStatus.OPEN);
        // Opened when this laptop judged the readings, not yesterday morning.
        assertThat(red.openedAt()).isAfterOrEqualTo(judged);
        // The reading keeps its own time: the measure behind the alert is dated when it was taken.
        UUID reading = ObservationMapper.localId(heavier.getIdElement().getIdPart());
        assertThat(laptop.core.alerts().evidence(red.id())).contains(reading);
        assertThat(laptop.core.measures().find(reading).orElseThrow().effectiveAt()).isEqualTo(taken);
        // Its review is due from the judgement: never already late when it appears.
        assertThat(laptop.core.worklist().query(new fr.relais.core.task.WorklistQuery(fr.relais.core.task.DueFilter.ALL, null, null,
                false, null, null, patient), 0, 50).stream().map(item -> item.task())
                .filter(t -> t.kind().equals("ALERT_REVIEW")).toList())
                .singleElement().satisfies(t -> assertThat(t.dueAt()).isAfter(judged));
    }

    @Test
    void twoLaptopsJudgingTheSameWeightKeepOneAlert() {
        String patientId = world.create("patient-hospital.json", Map.of());
        UUID patient = ObservationMapper.localId(patientId);
        try (Laptop other = new Laptop(dir, "other", SERVER.baseUrl(), world.team())) {
            laptop.sync();
            laptop.core.enrollments().enroll(patient, "insuffisance-cardiaque-sortie", 1, today().minusDays(4));
            laptop.sync();
            aRedWeightRise(patientId, hoursAgo(30), hoursAgo(3));
            laptop.sync();
            Alert first = rises(laptop, patient).get(0);
            // The other laptop receives the pathway and the readings later, and judges them in its turn.
            other.sync();
            Alert second = rises(other, patient).get(0);
            assertThat(second.id()).as("one episode, one key").isEqualTo(first.id());
            assertThat(second.openedAt()).isAfter(first.openedAt());

            // The nurse on the other laptop acknowledges: her decision, with her view of the opening, reaches the server.
            other.core.alerts().acknowledge(second.id(), "patiente appelée, traitement adapté avec le médecin");
            other.sync();
            laptop.sync();
            other.sync();

            // Both laptops: one alert, acknowledged, opened when the first laptop judged the readings.
            for (Laptop on : List.of(laptop, other)) {
                assertThat(rises(on, patient)).as(on.toString()).singleElement().satisfies(a -> {
                    assertThat(a.id()).isEqualTo(first.id());
                    assertThat(a.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
                    assertThat(a.openedAt()).isCloseTo(first.openedAt(), within(1, ChronoUnit.MILLIS));
                });
            }
            String onServer = laptop.core.syncState().link(RecordKind.ALERT, first.id()).orElseThrow().serverId();
            assertThat(world.read(DetectedIssue.class, onServer).getIdentifiedDateTimeType().getValue().toInstant())
                    .isCloseTo(first.openedAt(), within(1, ChronoUnit.MILLIS));
            assertThat(laptop.sync().pushed()).isZero();
            assertThat(other.sync().pushed()).isZero();
        }
    }
}
