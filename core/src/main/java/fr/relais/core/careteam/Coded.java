package fr.relais.core.careteam;

/**
 * A concept another system coded (a relative's relationship, a participant's role): the code system's URL, the code,
 * and the words that system gave it ("Daughter", "Hospice care"), shown when Relais has no French for the code.
 * {@code display} may be null (a bare code); system and code are never null.
 */
public record Coded(String system, String code, String display) {
    public Coded {
        java.util.Objects.requireNonNull(system, "system");
        java.util.Objects.requireNonNull(code, "code");
    }

    /** The coded concept, or null when the other system gave no system and code (words only). */
    public static Coded ofNullable(String system, String code, String display) {
        return system == null || code == null ? null : new Coded(system, code, display);
    }
}
