package fr.relais.sync.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.core.rule.AlertRule;
import fr.relais.core.alert.ThresholdOverride;
import fr.relais.core.error.BadInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;

/** A physician's per-patient thresholds both ways, a change and a return to the pathway's rule; bad input named. */
class ThresholdOverrideMapperTest {
    private static final Instant FROM = Instant.parse("2026-11-30T10:15:00.250Z");

    private static Basic wire(Basic r) {
        return RelaisFhir.CONTEXT.newJsonParser().parseResource(Basic.class, RelaisFhir.CONTEXT.newJsonParser().encodeResourceToString(r));
    }

    @Test
    void aChangeAndARestoreComeBackTheSameWithoutTheirEnd() {
        AlertRule rule = new AlertRule.Absolute("spo2", "59408-5", new BigDecimal("90"), null, new BigDecimal("96"), null);
        ThresholdOverride change = new ThresholdOverride(UUID.randomUUID(), UUID.randomUUID(), "bpco-exacerbation", "spo2", rule, FROM,
                null, UUID.randomUUID(), "idec", "BPCO sévère : surveiller dès 95 %", FROM);
        Basic fhir = wire(ThresholdOverrideMapper.write(change, new Basic()));
        assertThat(fhir.getCode().getCodingFirstRep().getCode()).isEqualTo(ThresholdOverrideMapper.CODE);
        assertThat(fhir.getAuthor().getReference()).isEqualTo("Practitioner/" + change.prescriberId());
        assertThat(ThresholdOverrideMapper.toLocal(fhir, change.id(), "Basic/1")).isEqualTo(change);

        ThresholdOverride restore = new ThresholdOverride(UUID.randomUUID(), change.patientId(), "bpco-exacerbation", "spo2", null,
                FROM.plusSeconds(3600), null, change.prescriberId(), "idec", "exacerbation passée", FROM.plusSeconds(3600));
        assertThat(ThresholdOverrideMapper.toLocal(wire(ThresholdOverrideMapper.write(restore, new Basic())), restore.id(), "Basic/2"))
                .isEqualTo(restore);

        ThresholdOverride ended = new ThresholdOverride(change.id(), change.patientId(), change.templateId(), change.ruleId(), rule, FROM,
                FROM.plusSeconds(3600), change.prescriberId(), "idec", change.reason(), FROM);
        assertThat(ThresholdOverrideMapper.toLocal(wire(ThresholdOverrideMapper.write(ended, new Basic())), change.id(), "Basic/1").validTo())
                .as("each workstation derives the end from the next change").isNull();
    }

    @Test
    void anOverrideWithoutItsRuleIdOrWithAnUnreadableRuleIsBadInputNamingIt() {
        ThresholdOverride change = new ThresholdOverride(UUID.randomUUID(), UUID.randomUUID(), "bpco-exacerbation", "spo2",
                new AlertRule.Absolute("spo2", "59408-5", new BigDecimal("90"), null, null, null), FROM, null, UUID.randomUUID(), "idec", "r", FROM);
        Basic noRule = ThresholdOverrideMapper.write(change, new Basic());
        noRule.getExtension().removeIf(e -> e.getUrl().endsWith("threshold-rule-id"));
        assertThatThrownBy(() -> ThresholdOverrideMapper.toLocal(noRule, change.id(), "Basic/x"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("Basic/x");

        Basic unreadable = ThresholdOverrideMapper.write(change, new Basic());
        unreadable.getExtension().stream().filter(e -> e.getUrl().endsWith("threshold-rule")).forEach(e -> e.setValue(new StringType("{ \"kind\": \"absolute\"")));
        assertThatThrownBy(() -> ThresholdOverrideMapper.toLocal(unreadable, change.id(), "Basic/y"))
                .hasMessageContaining("Basic/y")
                .isInstanceOfSatisfying(BadInputException.class, e -> assertThat(e.reason(fr.relais.core.i18n.Language.FR)).isEqualTo("enregistrement illisible : la règle du seuil n'est pas lisible"));
    }
}
