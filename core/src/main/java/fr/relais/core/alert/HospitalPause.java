package fr.relais.core.alert;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether a patient is in hospital, for the missing-data rules of a pathway whose template pauses them during a stay
 * ({@code hospitalEvents.admission.pauseMissingData}): a self-measure not sent from a hospital bed is not the
 * patient's fault. Read from the stays hospital events open and close (docs/hospital-events.md).
 */
public interface HospitalPause {
    boolean inHospital(UUID patientId);

    /** When the patient's latest stay ended: the gap counts from then. */
    Optional<Instant> lastDischarge(UUID patientId);
}
