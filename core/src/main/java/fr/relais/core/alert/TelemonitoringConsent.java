package fr.relais.core.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the alert engine reads of a patient's telemonitoring consent, so that it needs no consent service (which would
 * close a cycle: consents notify enrollments and measures, which feed the alert engine). While the consent is
 * withdrawn no self-measure is expected; once it is given again, missing data count from then.
 */
public interface TelemonitoringConsent {
    /** Withdrawn and not given again (a patient who never had one is not withdrawn). */
    boolean withdrawn(UUID patientId);

    /** When the consent in force was recorded, if one is. */
    Optional<Instant> givenAt(UUID patientId);
}
