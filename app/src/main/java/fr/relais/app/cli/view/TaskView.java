package fr.relais.app.cli.view;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.relais.core.task.Task;
import java.time.Instant;

/** A task in JSON output ({@code relais worklist}, {@code relais task ...}). */
@JsonPropertyOrder({"id", "patientId", "patientName", "enrollmentId", "pathwayId", "stepId", "occurrence", "kind", "title",
        "role", "assigneeId", "priority", "status", "businessStatus", "dueAt", "expiresAt", "outcome", "note"})
public record TaskView(String id, String patientId, String patientName, String enrollmentId, String pathwayId, String stepId,
                       int occurrence, String kind, String title, String role, String assigneeId, String priority,
                       String status, String businessStatus, Instant dueAt, Instant expiresAt, String outcome, String note) {
    public static TaskView of(Task t, String patientName, fr.relais.core.i18n.Language language) {
        return new TaskView(t.id().toString(), t.patientId().toString(), patientName, t.enrollmentId() == null ? null : t.enrollmentId().toString(),
                t.templateId(), t.stepId(), t.occurrence(), t.kind(), t.title(language), t.role().name(),
                t.assigneeId() == null ? null : t.assigneeId().toString(), t.priority().name(), t.status().name(),
                t.businessStatus(), t.dueAt(), t.expiresAt(), t.outcome(), t.note());
    }
}
