package fr.relais.core.careteam;

import java.time.LocalDate;
import java.util.UUID;

/** One professional playing one role for one patient over a period (open-ended while {@code endDate} is null). */
public record CareTeamMember(UUID id, UUID patientId, Professional professional, CareRole role, LocalDate startDate,
                             LocalDate endDate) {
    public boolean activeOn(LocalDate day) {
        return activeOn(startDate, endDate, day);
    }

    /** A membership is in force from its start day up to, not including, its end day (null start: since always). */
    public static boolean activeOn(LocalDate startDate, LocalDate endDate, LocalDate day) {
        return (startDate == null || !startDate.isAfter(day)) && (endDate == null || endDate.isAfter(day));
    }
}
