package fr.relais.core.hospital;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One stay in hospital: who, since when, where, the expected discharge, and the discharge once it came. */
public record HospitalStay(UUID id, UUID patientId, UUID admissionEventId, Instant admittedAt, String facility, String location,
                           LocalDate expectedDischarge, UUID dischargeEventId, Instant dischargedAt) {
    public boolean open() {
        return dischargedAt == null;
    }
}
