package fr.relais.core.chart;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.MutableClock;
import fr.relais.core.StoreTest;
import fr.relais.core.careteam.Profession;
import fr.relais.core.identity.Sex;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.rule.AlertLevel;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The zones of a real store's rules: the pathway's, then a physician's prescription from the day it applies. */
class ThresholdTimelineTest extends StoreTest {
    MutableClock clock;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(MeasureChartScalesTest.at(0, 8));
        openStore(clock);
        patient = s.registerPatient("BERNARD", "Lucie", Sex.F, LocalDate.of(1945, 2, 2), null);
        s.careTeam.addProfessional("LEGRAND", "Monique", Profession.MEDECIN, "10003456789", null, null);
        s.enrollments.enroll(patient.id(), "bpco-exacerbation", 1, MeasureChartScalesTest.DAY);
    }

    @Test
    void aChronicPatientsLoweredSpo2ThresholdsAreRedBelow86OnlyFromThePrescription() {
        clock.set(MeasureChartScalesTest.at(4, 10));
        s.thresholds.change(patient.id(), null, "spo2", Map.of("red.below", "86", "yellow.below", "88"), "10003456789",
                "BPCO sévère, SpO2 habituelle 88-90 % sous O2");
        clock.set(MeasureChartScalesTest.at(10, 9));

        List<ThresholdBand> bands = new ThresholdTimeline(s.thresholds).bands(patient.id(), MeasureCatalog.SPO2,
                MeasureChartScalesTest.at(0, 9), clock.instant());

        assertThat(bands).filteredOn(b -> b.level() == AlertLevel.RED).extracting(b -> b.bound().toPlainString(), ThresholdBand::from)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("90", MeasureChartScalesTest.at(0, 9)),
                        org.assertj.core.groups.Tuple.tuple("86", MeasureChartScalesTest.at(4, 10)));
        assertThat(bands).allSatisfy(b -> assertThat(b.to()).isBeforeOrEqualTo(clock.instant()));
        assertThat(new ThresholdTimeline(s.thresholds).bands(patient.id(), MeasureCatalog.BODY_WEIGHT, MeasureChartScalesTest.at(0, 9),
                clock.instant())).as("the pathway has no absolute weight rule").isEmpty();
    }
}
