package fr.relais.core.measure;

/**
 * Told of every measure recorded or marked entered-in-error, inside the same transaction: the alert engine
 * evaluates the patient's rules there, so a measure and the alert it raises commit together.
 */
public interface MeasureListener {
    void recorded(Measure measure);

    void enteredInError(Measure measure);
}
