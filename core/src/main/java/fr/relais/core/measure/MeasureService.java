package fr.relais.core.measure;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.error.BadInputException;
import fr.relais.core.error.NotFoundException;
import fr.relais.core.identity.PatientService;
import fr.relais.core.session.UserSession;
import fr.relais.core.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    private final AuditLog audit;
    private final UserSession session;
    private final Clock clock;
    private final MeasureListener listener;

    public MeasureService(Database database, MeasureRepository measures, PatientService patients, AuditLog audit,
                          UserSession session, Clock clock, MeasureListener listener) {
        this.database = database;
        this.measures = measures;
        this.patients = patients;
        this.audit = audit;
        this.session = session;
        this.clock = clock;
        this.listener = listener;
    }

    public Measure record(NewMeasure input) {
        return database.inTransaction(() -> {
            patients.get(input.patientId());
            return insert(input, "measure");
        });
    }

    /** Checks and stores inside the caller's transaction; {@code input} names the measure in messages. */
    Measure insert(NewMeasure m, String input) {
        MeasureValue value = MeasureValue.of(input, m.code(), m.value(), m.unit());
        Instant now = clock.instant();
        // The store keeps milliseconds (SqlTime): the measure handed to listeners must be the one stored.
        Instant effective = (m.effectiveAt() == null ? now : m.effectiveAt()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        if (effective.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new BadInputException(input + ".at", "measure.future", effective.toString());
        }
        Measure measure = new Measure(UUID.randomUUID(), m.patientId(), m.code(), value.value(), value.type().unit(),
                m.value().trim(), m.unit().trim(), effective, m.source(), session.actor().userId(), value.unusual(),
                MeasureStatus.FINAL, null, now, now);
        measures.insert(measure);
        audit.record("measure.create", "Measure", measure.id(), measure.patientId(), m.code() + (value.unusual() ? " unusual" : ""));
        listener.recorded(measure);
        return measure;
    }

    /** Marks a wrong measure entered-in-error (it stays, visibly): a reason is required. */
    public Measure markEnteredInError(UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("reason", "reason.missing");
        }
        return database.inTransaction(() -> {
            Measure measure = measures.find(id).orElseThrow(() -> new NotFoundException("measure", "measure", id));
            if (measures.markEnteredInError(id, reason, clock.instant()) == 0) {
                throw new BadInputException("measure " + id, "measure.alreadyInError");
            }
            audit.record("measure.entered-in-error", "Measure", id, measure.patientId(), null);
            Measure marked = measures.find(id).orElseThrow();
            listener.enteredInError(marked);
            return marked;
        });
    }

    public List<Measure> ofPatient(UUID patientId, String code) {
        return measures.ofPatient(patientId, code);
    }
}
