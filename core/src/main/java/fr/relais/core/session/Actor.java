package fr.relais.core.session;

/** Who acts, and from which workstation: what the audit trail and every status change record. */
public record Actor(String userId, String displayName, String workstation) {
    /** Who the histories name for changes Relais makes itself (alerts raised, tasks expired, escalations). */
    public static final String ENGINE = "relais";

    public Actor {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("An actor needs a user id");
        }
        workstation = workstation == null || workstation.isBlank() ? "unknown" : workstation;
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
    }
}
