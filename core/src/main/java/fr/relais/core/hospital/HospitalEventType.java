package fr.relais.core.hospital;

import java.util.Optional;

/**
 * The ADT trigger events of IHE PAM (ITI-31, French extension) that Relais accepts. What each does is in
 * docs/hospital-events.md; any other event is refused at the door (ACK AR) and never stored.
 */
public enum HospitalEventType {
    /** Admission of an inpatient: pauses the home tasks, tells the coordinator. */
    A01,
    /** Transfer: the stay's location changes. */
    A02,
    /** Discharge: the stay ends, resumption or enrolment proposed, the call at day two planned. */
    A03,
    /** Registration of an outpatient or emergency visit: recorded. */
    A04,
    /** Pre-admission: recorded. */
    A05,
    /** Cancels an admission (A01): what it did is undone. */
    A11,
    /** Cancels a transfer (A02): the former location comes back. */
    A12,
    /** Cancels a discharge (A03): the stay is open again, the proposals withdrawn, the call cancelled. */
    A13,
    /** Leave of absence: recorded. */
    A21,
    /** Return from leave of absence: recorded. */
    A22,
    /** Cancels a pre-admission (A05): the pre-admission is marked cancelled in the history. */
    A38,
    /** Cancels a leave of absence (A21): the leave is marked cancelled in the history. */
    A52,
    /** Cancels a return from leave of absence (A22): the return is marked cancelled in the history. */
    A53;

    public static Optional<HospitalEventType> of(String code) {
        for (HospitalEventType type : values()) {
            if (type.name().equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The event this one cancels, if it is a cancellation. */
    public Optional<HospitalEventType> cancels() {
        return switch (this) {
            case A11 -> Optional.of(A01);
            case A12 -> Optional.of(A02);
            case A13 -> Optional.of(A03);
            case A38 -> Optional.of(A05);
            case A52 -> Optional.of(A21);
            case A53 -> Optional.of(A22);
            default -> Optional.empty();
        };
    }

    /** An event kept in the patient's history with no effect on the pathways (its cancellation has nothing to undo). */
    public boolean recordedOnly() {
        return this == A04 || this == A05 || this == A21 || this == A22;
    }
}
