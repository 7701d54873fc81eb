package fr.relais.core.careteam;

import static fr.relais.core.store.schema.Tables.RELATED_PERSON;

import fr.relais.core.audit.AuditLog;
import fr.relais.core.store.SqlTime;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Relatives other systems record for a patient (FHIR RelatedPerson), by name and relationship: a CareTeam participant
 * naming one is shown by the relative's name rather than "nom non communiqué", and by what they are to the patient
 * ("fille" for the hospital's coded "Daughter"). Read only; an anonymisation erases the names
 * ({@code fr.relais.core.privacy}); the relationship stays, as it stays on the server.
 */
public final class Relatives {
    public static final String RECORD = "RelatedPerson";

    private final DSLContext dsl;
    private final AuditLog audit;
    private final Clock clock;

    public Relatives(DSLContext dsl, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Keeps a relative as the server holds them now (the caller's transaction); returns whether it changed.
     * {@code relationship}: what the relative is to the patient, as coded by the other system (null when not coded).
     */
    public boolean applySynced(UUID id, UUID patientId, String name, Coded relationship, String origin) {
        var known = dsl.selectFrom(RELATED_PERSON).where(RELATED_PERSON.ID.eq(id.toString())).fetchOptional();
        if (known.isPresent() && Objects.equals(known.get().getName(), name) && known.get().getDeletedOnServerAt() == null
                && known.get().getPatientId().equals(patientId.toString()) && Objects.equals(relationshipOf(known.get()), relationship)) {
            return false;
        }
        String now = SqlTime.instant(clock.instant());
        String system = relationship == null ? null : relationship.system();
        String code = relationship == null ? null : relationship.code();
        String display = relationship == null ? null : relationship.display();
        dsl.insertInto(RELATED_PERSON).set(RELATED_PERSON.ID, id.toString()).set(RELATED_PERSON.PATIENT_ID, patientId.toString())
                .set(RELATED_PERSON.NAME, name).set(RELATED_PERSON.RELATIONSHIP_SYSTEM, system).set(RELATED_PERSON.RELATIONSHIP_CODE, code)
                .set(RELATED_PERSON.RELATIONSHIP_DISPLAY, display).set(RELATED_PERSON.UPDATED_AT, now)
                .onConflict(RELATED_PERSON.ID).doUpdate().set(RELATED_PERSON.PATIENT_ID, patientId.toString())
                .set(RELATED_PERSON.NAME, name).set(RELATED_PERSON.RELATIONSHIP_SYSTEM, system).set(RELATED_PERSON.RELATIONSHIP_CODE, code)
                .set(RELATED_PERSON.RELATIONSHIP_DISPLAY, display).set(RELATED_PERSON.UPDATED_AT, now)
                // A version received after a deletion: the server holds the relative again.
                .set(RELATED_PERSON.DELETED_ON_SERVER_AT, (String) null).execute();
        // The audit names the record, never the relative: the trail outlives an anonymisation.
        audit.record("relative.sync", RECORD, id, patientId, origin);
        return true;
    }

    /**
     * Another system deleted the relative's RelatedPerson on the team server (the caller's transaction): the relative
     * leaves the patient's contacts ({@link #deletedOnServer}), the row stays (name and relationship are the history
     * of the patient's circle), and the audit trail records the deletion. False when not held or already applied.
     */
    public boolean applyDeletedOnServer(UUID id, String origin) {
        Optional<UUID> patient = patientOf(id);
        if (patient.isEmpty() || deletedOnServer(id)) {
            return false;
        }
        dsl.update(RELATED_PERSON).set(RELATED_PERSON.DELETED_ON_SERVER_AT, SqlTime.instant(clock.instant()))
                .where(RELATED_PERSON.ID.eq(id.toString())).execute();
        audit.record("relative.sync.deleted", RECORD, id, patient.get(), origin);
        return true;
    }

    /** Whether another system deleted the relative on the server (no longer among the patient's contacts). */
    public boolean deletedOnServer(UUID id) {
        return dsl.fetchExists(RELATED_PERSON, RELATED_PERSON.ID.eq(id.toString()).and(RELATED_PERSON.DELETED_ON_SERVER_AT.isNotNull()));
    }

    /** The name of a relative received, if it has one. */
    public Optional<String> name(UUID id) {
        return dsl.select(RELATED_PERSON.NAME).from(RELATED_PERSON).where(RELATED_PERSON.ID.eq(id.toString()))
                .fetchOptional(RELATED_PERSON.NAME).filter(n -> n != null && !n.isBlank());
    }

    /** What a relative received is to the patient, as the other system coded it, if it did. */
    public Optional<Coded> relationship(UUID id) {
        return dsl.selectFrom(RELATED_PERSON).where(RELATED_PERSON.ID.eq(id.toString())).fetchOptional().map(Relatives::relationshipOf);
    }

    private static Coded relationshipOf(fr.relais.core.store.schema.tables.records.RelatedPersonRecord r) {
        return Coded.ofNullable(r.getRelationshipSystem(), r.getRelationshipCode(), r.getRelationshipDisplay());
    }

    /** The patient a relative received is the relative of. */
    public Optional<UUID> patientOf(UUID id) {
        return dsl.select(RELATED_PERSON.PATIENT_ID).from(RELATED_PERSON).where(RELATED_PERSON.ID.eq(id.toString()))
                .fetchOptional(RELATED_PERSON.PATIENT_ID).map(UUID::fromString);
    }

    /** The relatives of a patient received here. */
    public List<UUID> ofPatient(UUID patientId) {
        return dsl.select(RELATED_PERSON.ID).from(RELATED_PERSON).where(RELATED_PERSON.PATIENT_ID.eq(patientId.toString()))
                .fetch(RELATED_PERSON.ID).stream().map(UUID::fromString).toList();
    }
}
