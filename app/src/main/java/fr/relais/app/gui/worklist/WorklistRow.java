package fr.relais.app.gui.worklist;

import java.util.UUID;

/**
 * One task as the worklist shows it; {@code late}: how late it is in words ("En retard de 28 jours"), empty when it is
 * not overdue, so that lateness never rests on colour alone; {@code assignee}: the professional's name, or the team
 * queue; {@code urgent}: immediate or as-soon-as-possible work (a red alert's review or escalation), flagged with an
 * icon beside its priority word; {@code outcomes}: what the step asks the nurse to choose when done (may be empty);
 * {@code inHospital}: "À l'hôpital depuis le 03/12" while the patient's stay is open, else empty (her home visits wait).
 */
public record WorklistRow(UUID taskId, UUID patientId, String due, boolean overdue, String late, String patient, String inHospital, String title, String role,
                          String priority, boolean urgent, String assignee, java.util.List<String> outcomes) {
}
