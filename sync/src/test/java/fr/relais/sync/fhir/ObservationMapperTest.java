package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.rule.AlertLevel;
import fr.relais.core.measure.Measure;
import fr.relais.core.measure.MeasureSource;
import fr.relais.core.measure.MeasureStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;

/** The alert level a measure was judged at travels in Observation.interpretation, and comes back the same measure. */
class ObservationMapperTest {
    private static final Instant AT = Instant.parse("2026-11-24T08:00:00Z");
    private static final Measure SPO2 = new Measure(UUID.randomUUID(), UUID.randomUUID(), "59408-5", new BigDecimal("88"), "%", "88", "%",
            AT, MeasureSource.DEVICE, "idec", false, MeasureStatus.FINAL, null, AT, AT);

    private static java.util.List<String> codes(Observation o) {
        return o.getInterpretation().stream().flatMap(i -> i.getCoding().stream()).map(c -> c.getSystem() + "|" + c.getCode()).toList();
    }

    @Test
    void redIsCriticalAbnormalYellowAbnormalAndNoAlertNoInterpretation() {
        Observation red = new Observation();
        ObservationMapper.write(SPO2, AlertLevel.RED, red);
        assertThat(codes(red)).containsExactly(ObservationMapper.INTERPRETATION + "|AA", ObservationMapper.ALERT_LEVEL + "|RED");

        Observation yellow = new Observation();
        ObservationMapper.write(SPO2, AlertLevel.YELLOW, yellow);
        assertThat(codes(yellow)).containsExactly(ObservationMapper.INTERPRETATION + "|A", ObservationMapper.ALERT_LEVEL + "|YELLOW");

        Observation none = new Observation();
        ObservationMapper.write(SPO2, none);
        assertThat(none.getInterpretation()).isEmpty();
        red.setId("Observation/" + SPO2.id());
        assertThat(ObservationMapper.toLocal(red, "Observation/x")).as("the measure itself is unchanged")
                .usingRecursiveComparison().ignoringFields("createdAt", "updatedAt").isEqualTo(SPO2);
    }

    @Test
    void anotherSystemsInterpretationStaysAndRelaisOwnIsReplacedNotRepeated() {
        Observation server = new Observation();
        server.addInterpretation(new CodeableConcept(new Coding(ObservationMapper.INTERPRETATION, "L", "Low")));
        ObservationMapper.write(SPO2, AlertLevel.YELLOW, server);
        ObservationMapper.write(SPO2, AlertLevel.RED, server);
        assertThat(codes(server)).containsExactly(ObservationMapper.INTERPRETATION + "|L", ObservationMapper.INTERPRETATION + "|AA",
                ObservationMapper.ALERT_LEVEL + "|RED");
    }
}
