package fr.relais.core.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A consent as collected: who collected it and when; a withdrawal keeps the record and says who, when and why. */
public record Consent(UUID id, UUID patientId, ConsentScope scope, String collectedBy, LocalDate collectedOn, Instant recordedAt,
                      String recordedBy, Instant withdrawnAt, String withdrawnBy, String withdrawalReason) {
    public boolean active() {
        return withdrawnAt == null;
    }
}
