package fr.relais.core.identity;

import static fr.relais.core.store.schema.Tables.PATIENT_DECEASED;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Patients another system records as deceased, as the team server says (Relais does not record a death itself). The
 * patient file shows it, and the worklist holds back their open tasks: a visit to a patient who died is not due.
 */
public final class Deaths {
    private final DSLContext dsl;

    public Deaths(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What the server says now (the caller's transaction): deceased on a day, deceased with no day, or not deceased. */
    public void applySynced(UUID patientId, boolean deceased, LocalDate on) {
        dsl.deleteFrom(PATIENT_DECEASED).where(PATIENT_DECEASED.PATIENT_ID.eq(patientId)).execute();
        if (deceased) {
            dsl.insertInto(PATIENT_DECEASED).set(PATIENT_DECEASED.PATIENT_ID, patientId)
                    .set(PATIENT_DECEASED.DECEASED_ON, on).execute();
        }
    }

    /** Empty when the patient is not known to be deceased; else the death, with its day when known. */
    public Optional<Death> of(UUID patientId) {
        return dsl.select(PATIENT_DECEASED.DECEASED_ON).from(PATIENT_DECEASED)
                .where(PATIENT_DECEASED.PATIENT_ID.eq(patientId)).fetchOptional(PATIENT_DECEASED.DECEASED_ON)
                .map(Death::new)
                .or(() -> dsl.fetchExists(PATIENT_DECEASED, PATIENT_DECEASED.PATIENT_ID.eq(patientId))
                        ? Optional.of(new Death(null)) : Optional.empty());
    }

    /** A death recorded by another system; {@code on} is null when the day is not known. */
    public record Death(LocalDate on) {
    }
}
