package fr.relais.sync.engine;

import fr.relais.core.SteadyClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.rule.AlertRule;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.careteam.Profession;
import fr.relais.core.identity.Patient;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.NewMeasure;
import fr.relais.sync.server.JpaFhirServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-patient thresholds between laptops: the physician's change recorded at the office reaches the visiting nurse's
 * laptop, which then judges the patient's measures by it; two changes made offline on two laptops end in the same
 * history on both, the later one in force.
 */
class ThresholdSyncTest {
    static final JpaFhirServer SERVER = JpaFhirServer.shared();

    @TempDir
    Path dir;

    private static AlertRule spo2InForce(Laptop laptop, Patient p) {
        return laptop.core.thresholds().inForce(p.id(), SteadyClock.now()).stream().filter(r -> r.rule().id().equals("spo2")).findFirst()
                .orElseThrow().rule();
    }

    @Test
    void thePhysiciansThresholdsReachEveryLaptopAndTheLaterOfTwoOfflineChangesIsInForceOnBoth() {
        String team = "thresholds-" + System.nanoTime();
        String rpps = String.valueOf(10_000_000_000L + System.nanoTime() % 1_000_000_000L);
        try (Laptop office = new Laptop(dir, "thr-office", SERVER.baseUrl(), team); Laptop visit = new Laptop(dir, "thr-visit", SERVER.baseUrl(), team)) {
            Patient p = office.register("MOULIN", "Berthe", "TH-" + System.nanoTime());
            office.core.enrollments().enroll(p.id(), "bpco-exacerbation", 1, SteadyClock.today());
            office.core.careTeam().addProfessional("Blanc", "Hugo", Profession.MEDECIN, rpps, null, null);
            office.sync();
            visit.sync();

            ThresholdOverride prescribed = office.core.thresholds().change(p.id(), "bpco-exacerbation", "spo2", Map.of("yellow.below", "96"),
                    rpps, "BPCO sévère : surveiller dès 95 %");
            office.sync();
            visit.sync();

            assertThat(visit.core.thresholds().find(prescribed.id())).get().extracting(ThresholdOverride::reason)
                    .isEqualTo("BPCO sévère : surveiller dès 95 %");
            assertThat(((AlertRule.Absolute) spo2InForce(visit, p)).yellowBelow()).isEqualByComparingTo("96");
            // The nurse measures 95 % at home: her laptop judges it by the physician's threshold.
            visit.core.measures().record(new NewMeasure(p.id(), MeasureCatalog.SPO2, "95", "%", SteadyClock.now(), MeasureSource.DEVICE));
            assertThat(visit.core.alerts().list(true, p.id())).extracting(Alert::ruleId, Alert::level)
                    .contains(org.assertj.core.groups.Tuple.tuple("spo2", AlertLevel.YELLOW));

            // Offline on both: the office restores the pathway's rule, then the visiting nurse records a new prescription.
            office.core.thresholds().restore(p.id(), "bpco-exacerbation", "spo2", rpps, "exacerbation passée");
            ThresholdOverride later = visit.core.thresholds().change(p.id(), "bpco-exacerbation", "spo2", Map.of("red.below", "91"),
                    rpps, "prescription téléphonique du Dr Blanc");
            office.sync();
            visit.sync();
            office.sync();

            for (Laptop laptop : List.of(office, visit)) {
                List<ThresholdOverride> history = laptop.core.thresholds().history(p.id());
                assertThat(history).as(laptop + ": the same history").hasSize(3);
                assertThat(history).filteredOn(o -> o.validTo() == null).as(laptop + ": one in force, the latest")
                        .singleElement().extracting(ThresholdOverride::id).isEqualTo(later.id());
                assertThat(((AlertRule.Absolute) spo2InForce(laptop, p)).redBelow()).isEqualByComparingTo(new BigDecimal("91"));
                assertThat(laptop.core.outbox().count()).as(laptop + " has nothing left to push").isZero();
            }
            assertThat(office.core.thresholds().history(p.id())).extracting(ThresholdOverride::validTo)
                    .isEqualTo(visit.core.thresholds().history(p.id()).stream().map(ThresholdOverride::validTo).toList());
        }
    }
}
