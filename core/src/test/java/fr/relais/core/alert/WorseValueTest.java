package fr.relais.core.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What "worse" means for each kind of alert explanation (docs/alerts.md, "Direction and worst value"). */
class WorseValueTest {
    @Test
    void aLowerWho5ScoreIsWorseAndAHigherOneIsNot() {
        String shown = "{\"rule\":\"score:WHO-5\",\"score\":\"24\",\"direction\":\"below\"}";
        assertThat(WorseValue.worseFigure(shown, "{\"score\":\"16\",\"direction\":\"below\"}")).contains("16");
        assertThat(WorseValue.worseFigure(shown, "{\"score\":\"28\",\"direction\":\"below\"}")).isEmpty();
    }

    @Test
    void aLargerWeightGainIsWorseOnARelativeRule() {
        String shown = "{\"rule\":\"poids-hausse-3j\",\"value\":\"72\",\"rise\":\"2\"}";
        assertThat(WorseValue.worseFigure(shown, "{\"value\":\"73.5\",\"rise\":\"3.5\"}")).contains("3.5");
        assertThat(WorseValue.worseFigure(shown, "{\"value\":\"72.1\",\"rise\":\"2\"}")).isEmpty();
    }

    @Test
    void aValueOnTheOtherSideIsNeverTheWorseValueOfAnAlert() {
        String hyper = "{\"value\":\"2.6\",\"direction\":\"above\"}";
        assertThat(WorseValue.worseFigure(hyper, "{\"value\":\"0.4\",\"direction\":\"below\"}")).isEmpty();
    }

    @Test
    void aLongerRisingRunDoesNotReExplainATrendAlert() {
        String shown = "{\"value\":\"20\",\"direction\":\"rise\",\"count\":3,\"values\":[\"17\",\"18\",\"19\",\"20\"]}";
        assertThat(WorseValue.worseFigure(shown, "{\"value\":\"21\",\"direction\":\"rise\",\"count\":3,\"values\":[]}")).isEmpty();
    }
}
