package fr.relais.core.task;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.core.careteam.CareRole;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a task sits on its pathway's timeline, from its status and due time. */
class MilestoneTest {
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "REQUESTED, 2026-11-30T09:00:00Z, OVERDUE",
            "IN_PROGRESS, 2026-11-30T09:00:00Z, OVERDUE",
            "ON_HOLD, 2026-12-02T09:00:00Z, UPCOMING",
            "REQUESTED, 2026-12-01T09:00:00Z, UPCOMING",
            "COMPLETED, 2026-11-30T09:00:00Z, DONE",
            "FAILED, 2026-11-30T09:00:00Z, MISSED",
            "CANCELLED, 2026-12-02T09:00:00Z, CANCELLED",
            "ENTERED_IN_ERROR, 2026-11-30T09:00:00Z, CANCELLED"})
    void aTaskIsPlacedByItsStatusAndDueTime(TaskStatus status, Instant due, Milestone.State expected) {
        Task task = new Task(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "bpco", "call", 1, "call", "Appel", "Call",
                CareRole.IDEC, null, TaskPriority.ROUTINE, status, null, due, null, null, null, NOW, NOW);
        assertThat(Milestone.of(task, NOW).state()).isEqualTo(expected);
    }
}
