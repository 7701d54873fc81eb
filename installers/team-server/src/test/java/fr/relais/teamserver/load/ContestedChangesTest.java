package fr.relais.teamserver.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The load test's conflicts come from pairs of nurses changing the same task; its p95 is the nearest-rank one. */
class ContestedChangesTest {
    private final List<UUID> open = IntStream.range(0, 30).mapToObj(i -> new UUID(0, i)).toList();

    @Test
    void theTwoNursesOfAPairPostponeTheSameTaskTheOtherPairAnother() {
        Team team = new Team("cpts-test");
        team.reserve(open);

        assertThat(team.contested(0, 0)).isEqualTo(team.contested(1, 0));
        assertThat(team.contested(2, 0)).isEqualTo(team.contested(3, 0)).isNotEqualTo(team.contested(0, 0));
        assertThat(team.contested(0, 1)).isNotEqualTo(team.contested(0, 0));
    }

    @Test
    void aTaskSetAsideForContestedChangesIsNeverCompletedAsRoutineWork() {
        Team team = new Team("cpts-test");
        team.reserve(open);

        assertThat(open.stream().filter(team::reserved)).hasSize(20).contains(team.contested(0, 0), team.contested(3, 4));
        assertThat(team.reserved(open.get(25))).isFalse();
    }

    @Test
    void aTeamWhoseFirstLaptopHasNoOpenTaskHasNoContestedChange() {
        assertThat(new Team("cpts-vide").contested(1, 0)).isNull();
    }

    @Test
    void theP95OfTwentySyncsIsTheNineteenthSlowest() {
        List<Double> sorted = IntStream.rangeClosed(1, 20).mapToObj(i -> i / 10.0).toList();

        assertThat(DayRun.percentile(sorted, 95)).isEqualTo(1.9);
        assertThat(DayRun.percentile(sorted, 50)).isEqualTo(1.0);
    }
}
