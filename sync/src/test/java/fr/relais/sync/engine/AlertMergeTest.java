package fr.relais.sync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.alert.Alert;
import fr.relais.core.rule.AlertLevel;
import fr.relais.core.alert.AlertStatus;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge of one alert seen on two laptops, without a server: which opening, status and escalation it keeps. */
class AlertMergeTest {
    static final UUID ID = UUID.randomUUID();
    static final UUID PATIENT = UUID.randomUUID();
    static final UUID ENROLLMENT = UUID.randomUUID();

    private static Alert alert(Instant openedAt, int step, Instant escalatedAt) {
        return new Alert(ID, PATIENT, ENROLLMENT, "spo2", "59408-5", "ABSOLUTE", AlertLevel.YELLOW, AlertStatus.OPEN, "{}",
                openedAt, escalatedAt == null ? openedAt : escalatedAt, escalatedAt == null ? null : "idec1", null, step, escalatedAt);
    }

    @Test
    void anAlertRaisedOnTwoLaptopsCountsFromTheFirstRaising() {
        Instant onA = Instant.parse("2027-03-15T08:00:00.123Z");
        Instant onB = onA.plusSeconds(7); // B received the threshold and the measure, and raised it itself 7 s later
        Alert mine = alert(onB, 0, null);
        Alert theirs = alert(onA, 1, onA.plusSeconds(60)); // A escalated it before pushing

        Alert merged = AlertSync.merge(mine, theirs, AlertStatus.OPEN);
        assertThat(merged.openedAt()).isEqualTo(onA);
        assertThat(merged.escalationStep()).isEqualTo(1);
        assertThat(merged.status()).isEqualTo(AlertStatus.OPEN);

        // Seen from A, B's later raising changes nothing: A's own opening stays.
        Alert onASide = AlertSync.merge(theirs, mine, AlertStatus.OPEN);
        assertThat(onASide.openedAt()).isEqualTo(onA);
        assertThat(onASide).isEqualTo(theirs);
    }

    @Test
    void anAlertComingBackFromTheServerInMillisecondsIsNotAnEarlierRaising() {
        Instant here = Instant.parse("2027-03-15T08:00:00.123456Z");
        Alert mine = alert(here, 0, null);
        Alert stored = alert(Instant.parse("2027-03-15T08:00:00.123Z"), 0, null);
        assertThat(AlertSync.merge(mine, stored, AlertStatus.OPEN)).isEqualTo(mine);
    }
}
