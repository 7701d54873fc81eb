package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_PATIENT_LINK;
import static fr.relais.core.store.schema.Tables.PATIENT;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.store.KeptStatements;
import org.jooq.Record3;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;

/**
 * Another facility's IPPs linked to patients of this store by a person resolving the identity queue: Relais keeps one
 * IPP per patient, in its organisation's namespace, so a hospital's own number is known only once someone said whose
 * it is.
 */
public final class HospitalPatientLinks {
    /** The patient an IPP is linked to, and the store's patient holding it: its SQL rendered once (a message each). */
    private static final KeptStatements.Shape<ResultQuery<Record3<UUID, UUID, UUID>>> HOLDERS_OF = v -> DSL.select(
            DSL.field(DSL.select(HOSPITAL_PATIENT_LINK.PATIENT_ID).from(HOSPITAL_PATIENT_LINK)
                    .where(HOSPITAL_PATIENT_LINK.AUTHORITY.eq(v.of(HOSPITAL_PATIENT_LINK.AUTHORITY))
                            .and(HOSPITAL_PATIENT_LINK.IPP.eq(v.of(HOSPITAL_PATIENT_LINK.IPP))))),
            DSL.field(DSL.select(PATIENT.ID).from(PATIENT).where(PATIENT.IPP.eq(v.of(PATIENT.IPP)))),
            DSL.field(DSL.select(PATIENT.REPLACED_BY).from(PATIENT).where(PATIENT.IPP.eq(v.of(PATIENT.IPP)))));

    private final DSLContext dsl;
    private final KeptStatements kept;

    public HospitalPatientLinks(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
    }

    public Optional<UUID> patientOf(String authority, String ipp) {
        return holdersOf(authority, ipp).linked();
    }

    /**
     * Who an IPP of {@code authority} names, in one statement (identity vigilance on each hospital message, which used
     * two): the patient a person linked it to, and the patient of this store holding that IPP, as the one that replaced
     * them when they were merged since.
     */
    IppHolders holdersOf(String authority, String ipp) {
        return kept.fetch(HOLDERS_OF, r -> new IppHolders(Optional.ofNullable(r.value1()),
                Optional.ofNullable(r.value3() != null ? r.value3() : r.value2())), authority, ipp, ipp, ipp).get(0);
    }

    /** The patient an IPP is linked to ({@code linked}) and the patient holding it as the store's own IPP ({@code holder}). */
    record IppHolders(Optional<UUID> linked, Optional<UUID> holder) {
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
