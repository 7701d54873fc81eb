package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.i18n.Language;
import fr.relais.core.measure.MeasureCatalog;
import fr.relais.core.rule.AlertLevel;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What an alert's task is called in the worklist: a French sentence from the rule, never the engine's words. */
class AlertTaskTitleTest {
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private static Alert alert(String ruleId, String code, String kind, AlertLevel level, String explanation) {
        return new Alert(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), ruleId, code, kind, level, AlertStatus.OPEN,
                explanation, AT, AT, "moteur", null, 0, null);
    }

    @Test
    void aHypoglycaemiaAndAHyperglycaemiaAreTwoTitlesNamingTheBoundCrossed() {
        Alert low = alert("glycemie", MeasureCatalog.GLUCOSE, "ABSOLUTE", AlertLevel.RED, "{\"direction\":\"below\"}");
        Alert high = alert("glycemie", MeasureCatalog.GLUCOSE, "ABSOLUTE", AlertLevel.YELLOW, "{\"direction\":\"above\"}");
        assertThat(AlertTaskTitle.review(low, Language.FR)).isEqualTo("Examiner l'alerte rouge : glycémie capillaire sous le seuil");
        assertThat(AlertTaskTitle.review(high, Language.FR)).isEqualTo("Examiner l'alerte orange : glycémie capillaire au-dessus du seuil");
        assertThat(AlertTaskTitle.review(low, Language.EN)).isEqualTo("Review the red alert: capillary blood glucose below the threshold");
    }

    @Test
    void anUnacknowledgedWeightGainEscalatesUnderItsClinicalName() {
        Alert gain = alert("poids-hausse-3j", MeasureCatalog.BODY_WEIGHT, "RELATIVE", AlertLevel.RED, "{\"rise\":\"2.6\"}");
        assertThat(AlertTaskTitle.escalation(gain, Language.FR)).isEqualTo("Alerte rouge non prise en compte : poids en hausse rapide");
        assertThat(AlertTaskTitle.escalation(gain, Language.EN)).isEqualTo("Unacknowledged red alert: body weight rising fast");
    }

    @Test
    void missingDataTrendsAndAnswersAreNamedWithoutRuleIdsOrAcronymsLowerCased() {
        assertThat(AlertTaskTitle.review(alert("poids-absent", MeasureCatalog.BODY_WEIGHT, "MISSING", AlertLevel.YELLOW, "{}"),
                Language.FR)).isEqualTo("Examiner l'alerte orange : mesure de poids manquante");
        assertThat(AlertTaskTitle.review(alert("spo2-baisse", MeasureCatalog.SPO2, "TREND", AlertLevel.YELLOW,
                "{\"direction\":\"fall\"}"), Language.FR)).isEqualTo("Examiner l'alerte orange : SpO2 en baisse continue");
        assertThat(AlertTaskTitle.review(alert("answer:PHQ-9:9", "PHQ-9", "ANSWER", AlertLevel.RED, "{}"), Language.FR))
                .isEqualTo("Examiner l'alerte rouge : réponse préoccupante au PHQ-9");
        assertThat(AlertTaskTitle.review(alert("score:PHQ-9", "PHQ-9", "ABSOLUTE", AlertLevel.RED, "{\"direction\":\"above\"}"),
                Language.FR)).isEqualTo("Examiner l'alerte rouge : PHQ-9 au-dessus du seuil");
    }
}
