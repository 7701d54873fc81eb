package fr.relais.core.time;

import java.time.ZoneId;

/** Calendar logic (due dates, "today", daily at 09:00) is done in the care team's zone; instants are stored in UTC. */
public final class CareZone {
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private CareZone() {
    }
}
