package fr.relais.core.task;

/** A worklist line: the task and the name of its patient ("NOM Prénom"). */
public record WorklistItem(Task task, String patientName) {
}
