package fr.relais.app.gui.worklist;

import java.util.UUID;

/** One task as the worklist shows it; {@code outcomes}: what the step asks the nurse to choose when done (may be empty). */
public record WorklistRow(UUID taskId, UUID patientId, String due, boolean overdue, String patient, String title, String role, String priority,
                          String assignee, java.util.List<String> outcomes) {
}
