package fr.relais.core.measure;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.replication.Outbox;
import fr.relais.core.replication.RecordKind;
import fr.relais.core.store.RowIds;
import java.util.Optional;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.Permission;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import fr.relais.core.identity.Patient;
import fr.relais.core.time.CareZone;
import java.util.List;
import java.util.UUID;

/**
 * Records measures (checked, converted, flagged when unusual) and marks wrong ones entered-in-error. A measure dated
 * more than a few minutes in the future is refused: clocks drift, but nobody weighs a patient tomorrow.
 */
public final class MeasureService {
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

    private final Database database;
    private final MeasureRepository measures;
    private final PatientService patients;
    /** The outbox kind of a measure record. */
    public static final String RECORD = RecordKind.MEASURE;

    private final AuditLog audit;
    private final Outbox outbox;
    private final UserSession session;
    private final Clock clock;
    private final MeasureListener listener;
    private final java.util.function.Predicate<UUID> telemonitoringWithdrawn;

    /**
     * {@code telemonitoringWithdrawn}: whether a patient withdrew their telemonitoring consent (and has not given it
     * again); their measures from devices are then held (see {@link #fromDevices}).
     */
    public MeasureService(Database database, MeasureRepository measures, PatientService patients, AuditLog audit,
                          Outbox outbox, UserSession session, Clock clock, MeasureListener listener,
                          java.util.function.Predicate<UUID> telemonitoringWithdrawn) {
        this.telemonitoringWithdrawn = telemonitoringWithdrawn;
        this.database = database;
        this.measures = measures;
        this.patients = patients;
        this.audit = audit;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
        this.listener = listener;
    }

    public Measure record(NewMeasure input) {
        session.require(Permission.CLINICAL_WRITE);
        return database.inTransaction(() -> insert(input, "measure", patients.get(input.patientId())));
    }

    /** Checks and stores inside the caller's transaction; {@code input} names the measure in messages. */
    Measure insert(NewMeasure m, String input, Patient patient) {
        Measure measure = checked(m, input, patient);
        measures.insert(measure);
        outbox.record(RECORD, measure.id());
        audit.record("measure.create", "Measure", measure.id(), measure.patientId(), m.code() + (measure.unusual() ? " unusual" : ""));
        judgeOrHold(measure);
        return measure;
    }

    /**
     * The measure to store for {@code m}, checked (code, unit, value, date) and converted to the canonical unit, with a
     * new id and recorded now by the signed-in user; nothing written. The one place a new measure is built, for the
     * one-by-one and the bulk path ({@link BulkIngest}).
     */
    Measure checked(NewMeasure m, String input, Patient patient) {
        MeasureValue value = MeasureValue.of(input, m.code(), m.value(), m.unit());
        Instant now = clock.instant();
        // The store keeps milliseconds (SqlTime): the measure handed to listeners must be the one stored.
        Instant effective = (m.effectiveAt() == null ? now : m.effectiveAt()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        checkWhen(input + ".at", patient, effective);
        return new Measure(RowIds.next(), m.patientId(), m.code(), value.value(), value.type().unit(),
                m.value().trim(), m.unit().trim(), effective, m.source(), session.actor().userId(), value.unusual(),
                MeasureStatus.FINAL, null, now, now);
    }

    /** Whether a new measure of the patient is held rather than judged: from devices while consent is withdrawn. */
    boolean heldFor(MeasureSource source, UUID patientId) {
        return fromDevices(source) && telemonitoringWithdrawn.test(patientId);
    }

    /** Holds a stored measure out of alert judgement until the patient consents again (inside the caller's transaction). */
    void hold(Measure measure) {
        measures.hold(measure.id(), clock.instant());
        audit.record("measure.held", "Measure", measure.id(), measure.patientId(), measure.code() + " telemonitoring consent withdrawn");
    }

    /**
     * Refuses a measure dated after now (beyond the tolerance) or before the patient's birth day (Paris calendar):
     * the one is a clock gone wrong, the other a typing error or another patient's file. {@code input} names the date.
     */
    void checkWhen(String input, Patient patient, Instant effective) {
        if (effective.isAfter(clock.instant().plus(FUTURE_TOLERANCE))) {
            throw new BadInputException(input, "measure.future", SHOWN.format(effective));
        }
        LocalDate birth = patient.traits().birthDate();
        if (birth != null && effective.atZone(CareZone.PARIS).toLocalDate().isBefore(birth)) {
            throw new BadInputException(input, "measure.beforeBirth", SHOWN.format(effective), DAY.format(birth));
        }
    }

    private static final java.time.format.DateTimeFormatter SHOWN =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withZone(CareZone.PARIS);
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /**
     * Measures that come from the patient's devices rather than from a professional: sent by a device, imported from
     * a file (a telemonitoring platform's export), or received from the team server without a known source. What a
     * professional types (ENTERED) or hears from the patient (PATIENT_REPORTED, questionnaire scores) is never held.
     */
    public static boolean fromDevices(MeasureSource source) {
        return source == MeasureSource.DEVICE || source == MeasureSource.IMPORTED || source == MeasureSource.SYNCED;
    }

    /** Hands a new valid measure to the alert engine, unless it comes from devices while telemonitoring consent is withdrawn. */
    private void judgeOrHold(Measure measure) {
        if (measure.status() != MeasureStatus.FINAL) {
            return;
        }
        if (heldFor(measure.source(), measure.patientId())) {
            hold(measure);
            return;
        }
        listener.recorded(measure);
    }

    /**
     * Releases a patient's held measures once they consent again (inside the caller's transaction): each is judged
     * by the alert engine, oldest first, as if it had just arrived. Returns how many were released.
     */
    public int releaseHeld(UUID patientId) {
        List<Measure> held = measures.heldOf(patientId);
        Instant now = clock.instant();
        for (Measure measure : held) {
            measures.release(measure.id(), now);
            audit.record("measure.released", "Measure", measure.id(), patientId, measure.code());
            if (measure.status() == MeasureStatus.FINAL) {
                listener.recorded(measure);
            }
        }
        return held.size();
    }

    /** Ids of the patient's measures held until they consent to telemonitoring again. */
    public java.util.Set<UUID> heldIds(UUID patientId) {
        session.require(Permission.CLINICAL_READ);
        return measures.heldIds(patientId);
    }

    /** Marks a wrong measure entered-in-error (it stays, visibly): a reason is required. */
    public Measure markEnteredInError(UUID id, String reason) {
        session.require(Permission.CLINICAL_WRITE);
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Measure measure = measures.find(id).orElseThrow(() -> new NotFoundException("measure", NotFoundException.What.MEASURE, id));
            if (measures.markEnteredInError(id, reason, clock.instant()) == 0) {
                throw new BadInputException("measure " + id, "measure.alreadyInError");
            }
            outbox.record(RECORD, id);
            audit.record("measure.entered-in-error", "Measure", id, measure.patientId(), null);
            Measure marked = measures.find(id).orElseThrow();
            listener.enteredInError(marked);
            return marked;
        });
    }

    /**
     * Stores a measure taken on another workstation, as the team server has it (same id), and lets the alert engine
     * judge it; a measure marked entered-in-error there is marked here too. Measures are append-only: nothing else
     * about a stored measure changes.
     */
    public Measure applySynced(Measure incoming, String origin) {
        return database.inTransaction(() -> {
            var current = measures.find(incoming.id());
            if (current.isEmpty()) {
                patients.get(incoming.patientId());
                // The same tolerance as for a typed measure: one taken further in the future came from a clock gone
                // wrong. Refusing it would lose it; it is kept, flagged unusual, and not judged.
                boolean future = incoming.effectiveAt().isAfter(clock.instant().plus(FUTURE_TOLERANCE));
                Measure stored = future && !incoming.unusual() ? new Measure(incoming.id(), incoming.patientId(), incoming.code(),
                        incoming.value(), incoming.unit(), incoming.originalValue(), incoming.originalUnit(), incoming.effectiveAt(),
                        incoming.source(), incoming.recordedBy(), true, incoming.status(), incoming.errorReason(), incoming.createdAt(),
                        incoming.updatedAt(), incoming.preliminary()) : incoming;
                measures.insert(stored);
                audit.record("measure.sync.create", "Measure", incoming.id(), incoming.patientId(), origin);
                if (!future) {
                    judgeOrHold(stored);
                }
                return stored;
            }
            if (incoming.status() == MeasureStatus.ENTERED_IN_ERROR && current.get().status() == MeasureStatus.FINAL) {
                measures.markEnteredInError(incoming.id(), incoming.errorReason(), clock.instant());
                audit.record("measure.sync.entered-in-error", "Measure", incoming.id(), incoming.patientId(), origin);
                Measure marked = measures.find(incoming.id()).orElseThrow();
                listener.enteredInError(marked);
                return marked;
            }
            if (current.get().preliminary() && !incoming.preliminary() && incoming.status() == MeasureStatus.FINAL) {
                // Validated since by the system that sent it: the same value, now final (already judged as it came).
                measures.confirm(incoming.id(), clock.instant());
                audit.record("measure.sync.confirmed", "Measure", incoming.id(), incoming.patientId(), origin);
                return measures.find(incoming.id()).orElseThrow();
            }
            return current.get();
        });
    }

    /**
     * A measure this workstation took as wrong only because another system deleted it on the server, written back there
     * since (the caller's transaction, outbox suppressed): it stands again, is audited as restored and judged as if it
     * had just arrived, so the alert its deletion withdrew is raised again. Whether the deletion was its only change
     * here is the sync's to tell (the reason it stored); a measure a person marked wrong never comes back this way.
     */
    public Measure applyRestored(UUID id, String origin) {
        return database.inTransaction(() -> {
            Measure current = measures.find(id).orElseThrow(() -> new NotFoundException("measure", NotFoundException.What.MEASURE, id));
            if (measures.restore(id, clock.instant()) == 0) {
                return current;
            }
            audit.record("measure.sync.restored", "Measure", id, current.patientId(), origin);
            Measure restored = measures.find(id).orElseThrow();
            judgeOrHold(restored);
            return restored;
        });
    }

    public Optional<Measure> find(UUID id) {
        return measures.find(id);
    }

    public List<Measure> ofPatient(UUID patientId, String code) {
        session.require(Permission.CLINICAL_READ);
        return measures.ofPatient(patientId, code);
    }
}
