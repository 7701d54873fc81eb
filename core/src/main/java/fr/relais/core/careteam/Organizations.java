package fr.relais.core.careteam;

import static fr.relais.core.store.schema.Tables.ORGANIZATION;
import static fr.relais.core.store.schema.Tables.PATIENT_ORGANIZATION;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.store.ReceivedRows;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Organizations received from the team server, by name only: what another system's record names (a CareTeam
 * participant, a patient's managing organization) is shown by name rather than "nom non communiqué". Read only.
 */
public final class Organizations {
    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;
    private final ReceivedRows received;

    public Organizations(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
        this.received = new ReceivedRows(dsl);
    }

    /** Keeps an organization's name as the server holds it now (the caller's transaction); returns whether it changed. */
    public boolean applySynced(UUID id, String name, String origin) {
        Optional<String> known = dsl.select(ORGANIZATION.NAME).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id))
                .fetchOptional(ORGANIZATION.NAME);
        if (known.isPresent() && java.util.Objects.equals(known.get(), name)) {
            return false;
        }
        dsl.insertInto(ORGANIZATION).set(ORGANIZATION.ID, id).set(ORGANIZATION.NAME, name)
                .set(ORGANIZATION.UPDATED_AT, clock.instant())
                .onConflict(ORGANIZATION.ID).doUpdate().set(ORGANIZATION.NAME, name).set(ORGANIZATION.UPDATED_AT, clock.instant())
                .execute();
        audit.record("organization.sync", "Organization", id, null, origin);
        return true;
    }

    /**
     * Another system deleted an Organization on the team server (the caller's transaction): its name is kept, as past
     * tasks, care teams and patients named it and the history must still read who it was; the audit trail records the
     * deletion. False when this workstation does not hold it.
     */
    public boolean keptAfterDeletionOnServer(UUID id, String origin) {
        boolean held = dsl.fetchExists(ORGANIZATION, ORGANIZATION.ID.eq(id));
        if (held) {
            audit.record("organization.sync.deleted", "Organization", id, null, origin);
        }
        return held;
    }

    /** The name of an organization received, if it has one. */
    public Optional<String> name(UUID id) {
        return dsl.select(ORGANIZATION.NAME).from(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).fetchOptional(ORGANIZATION.NAME)
                .filter(n -> n != null && !n.isBlank());
    }

    /** Records (or clears, with null) the organization a patient received from the server is attached to. */
    public void attachPatient(UUID patientId, UUID organizationId) {
        received.relink(PATIENT_ORGANIZATION.PATIENT_ID, patientId, PATIENT_ORGANIZATION.ORGANIZATION_ID, organizationId);
    }

    /** The name of the organization a patient is attached to, when the server said so and the organization was received. */
    public Optional<String> ofPatient(UUID patientId) {
        return dsl.select(PATIENT_ORGANIZATION.ORGANIZATION_ID).from(PATIENT_ORGANIZATION)
                .where(PATIENT_ORGANIZATION.PATIENT_ID.eq(patientId)).fetchOptional(PATIENT_ORGANIZATION.ORGANIZATION_ID)
                .flatMap(this::name);
    }
}
