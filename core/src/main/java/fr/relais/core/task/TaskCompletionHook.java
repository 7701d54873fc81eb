package fr.relais.core.task;

/**
 * Told of every completion inside its transaction: the pathway engine checks the outcome against the step and
 * unlocks the steps that wait on it. Throwing refuses the completion (nothing is written).
 */
public interface TaskCompletionHook {
    void onCompleted(Task task);
}
