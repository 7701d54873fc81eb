package fr.relais.core.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's care plan on one template version (their PPCS). {@code plannedUntil}: recurring tasks exist up to this
 * date; the rolling horizon moves it forward day by day. {@code versionSince}: the first day planned on the current
 * version (the start, or the day it was moved to that version).
 */
public record Enrollment(UUID id, UUID patientId, String templateId, int templateVersion, LocalDate startDate,
                         LocalDate endDate, EnrollmentStatus status, String statusReason, Instant statusChangedAt,
                         LocalDate plannedUntil, Instant createdAt, LocalDate versionSince) {

    Enrollment withStatus(EnrollmentStatus next, String reason, Instant at) {
        return new Enrollment(id, patientId, templateId, templateVersion, startDate, endDate, next, reason, at, plannedUntil, createdAt, versionSince);
    }

    Enrollment plannedTo(LocalDate date) {
        return new Enrollment(id, patientId, templateId, templateVersion, startDate, endDate, status, statusReason,
                statusChangedAt, date, createdAt, versionSince);
    }
}
