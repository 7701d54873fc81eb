package fr.relais.core.task;

/** FHIR request priority; the rank sorts the worklist (most pressing first). */
public enum TaskPriority {
    STAT(0), ASAP(1), URGENT(2), ROUTINE(3);

    private final int rank;

    TaskPriority(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }
}
