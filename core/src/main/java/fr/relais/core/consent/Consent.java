package fr.relais.core.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A consent as collected: who collected it and when, and how ({@code source}, with the reason given for a paper form);
 * a withdrawal keeps the record and says who, when and why.
 */
public record Consent(UUID id, UUID patientId, ConsentScope scope, String collectedBy, LocalDate collectedOn, Instant recordedAt,
                      String recordedBy, Instant withdrawnAt, String withdrawnBy, String withdrawalReason, ConsentSource source,
                      String sourceReason) {
    public Consent {
        source = source == null ? ConsentSource.COLLECTED : source;
    }

    /** A consent recorded with its collector (the usual way). */
    public Consent(UUID id, UUID patientId, ConsentScope scope, String collectedBy, LocalDate collectedOn, Instant recordedAt,
                   String recordedBy, Instant withdrawnAt, String withdrawnBy, String withdrawalReason) {
        this(id, patientId, scope, collectedBy, collectedOn, recordedAt, recordedBy, withdrawnAt, withdrawnBy, withdrawalReason,
                ConsentSource.COLLECTED, null);
    }

    public boolean active() {
        return withdrawnAt == null;
    }
}
