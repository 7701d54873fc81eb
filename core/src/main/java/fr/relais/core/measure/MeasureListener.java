package fr.relais.core.measure;

/**
 * Told of every measure recorded or marked entered-in-error, inside the same transaction: the alert engine
 * evaluates the patient's rules there, so a measure and the alert it raises commit together.
 */
public interface MeasureListener {
    void recorded(Measure measure);

    void enteredInError(Measure measure);

    /**
     * Many new valid measures stored at once by the bulk path ({@link BulkIngest}), in the order they were stored: the
     * same judgement as {@link #recorded} called for each in that order, which is what it does unless overridden.
     */
    default void recordedAll(java.util.List<Measure> measures) {
        measures.forEach(this::recorded);
    }
}
