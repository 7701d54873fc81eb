package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_PATIENT_LINK;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Another facility's IPPs linked to patients of this store by a person resolving the identity queue: Relais keeps one
 * IPP per patient, in its organisation's namespace, so a hospital's own number is known only once someone said whose
 * it is.
 */
public final class HospitalPatientLinks {
    private final DSLContext dsl;

    public HospitalPatientLinks(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<UUID> patientOf(String authority, String ipp) {
        return dsl.select(HOSPITAL_PATIENT_LINK.PATIENT_ID).from(HOSPITAL_PATIENT_LINK)
                .where(HOSPITAL_PATIENT_LINK.AUTHORITY.eq(authority).and(HOSPITAL_PATIENT_LINK.IPP.eq(ipp)))
                .fetchOptional(r -> r.value1());
    }

    /**
     * A person said whose a queued message is: its sender's IPP ({@code ipp}, null when it had none) is linked to that
     * patient for the next messages, unless it already is. An IPP already linked to another patient is refused.
     */
    void linkFromQueue(PatientIdentifier ipp, UUID patientId, Instant at, String by) {
        if (ipp == null) {
            return;
        }
        Optional<UUID> already = patientOf(ipp.authority(), ipp.value());
        if (already.isPresent() && !already.get().equals(patientId)) {
            throw new fr.relais.core.error.BadInputException("patient", "hospital.ippLinkedElsewhere", ipp.value());
        }
        if (already.isEmpty()) {
            link(ipp.authority(), ipp.value(), patientId, at, by);
        }
    }

    void link(String authority, String ipp, UUID patientId, Instant at, String by) {
        dsl.insertInto(HOSPITAL_PATIENT_LINK).set(HOSPITAL_PATIENT_LINK.AUTHORITY, authority).set(HOSPITAL_PATIENT_LINK.IPP, ipp)
                .set(HOSPITAL_PATIENT_LINK.PATIENT_ID, patientId).set(HOSPITAL_PATIENT_LINK.LINKED_AT, at)
                .set(HOSPITAL_PATIENT_LINK.LINKED_BY, by).execute();
    }
}
