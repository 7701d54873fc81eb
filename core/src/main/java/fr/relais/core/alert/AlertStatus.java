package fr.relais.core.alert;

/**
 * open -> acknowledged -> resolved or dismissed (each with who, when, why); withdrawn when the measure that raised it
 * was entered in error. Open and acknowledged alerts still hold their rule: new values attach to them.
 */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, DISMISSED, WITHDRAWN;

    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
