package fr.relais.core.task;

import java.util.EnumSet;
import java.util.Set;

/** FHIR Task statuses, with the transitions Relais allows between them. */
public enum TaskStatus {
    REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED, FAILED, ENTERED_IN_ERROR;

    public boolean isOpen() {
        return this == REQUESTED || this == ACCEPTED || this == IN_PROGRESS || this == ON_HOLD;
    }

    /** A closed task only moves to entered-in-error; an open one to anything but back to requested from a start. */
    public Set<TaskStatus> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(ACCEPTED, IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED, FAILED, ENTERED_IN_ERROR);
            case ACCEPTED -> EnumSet.of(IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED, FAILED, ENTERED_IN_ERROR);
            case IN_PROGRESS -> EnumSet.of(ON_HOLD, COMPLETED, CANCELLED, FAILED, ENTERED_IN_ERROR);
            case ON_HOLD -> EnumSet.of(REQUESTED, ACCEPTED, IN_PROGRESS, COMPLETED, CANCELLED, FAILED, ENTERED_IN_ERROR);
            case COMPLETED, CANCELLED, FAILED -> EnumSet.of(ENTERED_IN_ERROR);
            case ENTERED_IN_ERROR -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    /** The FHIR code ({@code in-progress}...). */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
