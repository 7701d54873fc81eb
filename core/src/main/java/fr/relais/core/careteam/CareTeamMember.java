package fr.relais.core.careteam;

import java.time.LocalDate;
import java.util.UUID;

/** One professional playing one role for one patient over a period (open-ended while {@code endDate} is null). */
public record CareTeamMember(UUID id, UUID patientId, Professional professional, CareRole role, LocalDate startDate,
                             LocalDate endDate) {
    public boolean activeOn(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || endDate.isAfter(day));
    }
}
