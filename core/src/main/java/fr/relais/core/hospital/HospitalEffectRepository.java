package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_EFFECT;

import fr.relais.core.store.schema.tables.records.HospitalEffectRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** What each applied event did, and the proposals made to the nurse. */
public final class HospitalEffectRepository {
    private final DSLContext dsl;

    public HospitalEffectRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    HospitalEffect insert(UUID eventId, HospitalEffect.Kind kind, String target, HospitalEffect.State state) {
        HospitalEffect effect = new HospitalEffect(UUID.randomUUID(), eventId, kind, target, state);
        HospitalEffectRecord r = dsl.newRecord(HOSPITAL_EFFECT);
        r.setId(effect.id());
        r.setEventId(eventId);
        r.setKind(kind.name());
        r.setTarget(target);
        r.setState(state.name());
        // insertInto, not r.insert(): the record's insert reads the row back (rowid) on SQLite, a query per message
        dsl.insertInto(HOSPITAL_EFFECT).set(r).execute();
        return effect;
    }

    void state(UUID id, HospitalEffect.State state, Instant at, String by) {
        dsl.update(HOSPITAL_EFFECT).set(HOSPITAL_EFFECT.STATE, state.name()).set(HOSPITAL_EFFECT.DECIDED_AT, at)
                .set(HOSPITAL_EFFECT.DECIDED_BY, by).where(HOSPITAL_EFFECT.ID.eq(id)).execute();
    }

    public Optional<HospitalEffect> find(UUID id) {
        return dsl.selectFrom(HOSPITAL_EFFECT).where(HOSPITAL_EFFECT.ID.eq(id)).fetchOptional(HospitalEffectRepository::toEffect);
    }

    public List<HospitalEffect> ofEvent(UUID eventId) {
        return dsl.selectFrom(HOSPITAL_EFFECT).where(HOSPITAL_EFFECT.EVENT_ID.eq(eventId)).orderBy(HOSPITAL_EFFECT.KIND, HOSPITAL_EFFECT.ID)
                .fetch(HospitalEffectRepository::toEffect);
    }

    private static HospitalEffect toEffect(HospitalEffectRecord r) {
        return new HospitalEffect(r.getId(), r.getEventId(), HospitalEffect.Kind.valueOf(r.getKind()), r.getTarget(),
                HospitalEffect.State.valueOf(r.getState()));
    }
}
