package fr.relais.core.hospital;

import static fr.relais.core.store.schema.Tables.HOSPITAL_EFFECT;

import fr.relais.core.store.RowIds;
import fr.relais.core.store.schema.tables.records.HospitalEffectRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import fr.relais.core.store.KeptStatements;
import org.jooq.Query;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;

/** What each applied event did, and the proposals made to the nurse. */
public final class HospitalEffectRepository {
    /** An effect written down: its SQL rendered once (the ADT listener, one or more a message). */
    private static final KeptStatements.Shape<Query> INSERT = v -> v.insert(HOSPITAL_EFFECT, HOSPITAL_EFFECT.ID, HOSPITAL_EFFECT.EVENT_ID,
            HOSPITAL_EFFECT.KIND, HOSPITAL_EFFECT.TARGET, HOSPITAL_EFFECT.STATE);
    /** What an event did: its SQL rendered once (a discharge reads its admission's). */
    private static final KeptStatements.Shape<ResultQuery<HospitalEffectRecord>> OF_EVENT = v -> DSL.selectFrom(HOSPITAL_EFFECT)
            .where(HOSPITAL_EFFECT.EVENT_ID.eq(v.of(HOSPITAL_EFFECT.EVENT_ID))).orderBy(HOSPITAL_EFFECT.KIND, HOSPITAL_EFFECT.ID);

    private final DSLContext dsl;
    private final KeptStatements kept;

    public HospitalEffectRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.kept = new KeptStatements(dsl);
    }

    HospitalEffect insert(UUID eventId, HospitalEffect.Kind kind, String target, HospitalEffect.State state) {
        HospitalEffect effect = new HospitalEffect(RowIds.next(), eventId, kind, target, state);
        kept.execute(INSERT, effect.id(), eventId, kind.name(), target, state.name());
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
        return kept.fetch(OF_EVENT, HospitalEffectRepository::toEffect, eventId);
    }

    private static HospitalEffect toEffect(HospitalEffectRecord r) {
        return new HospitalEffect(r.getId(), r.getEventId(), HospitalEffect.Kind.valueOf(r.getKind()), r.getTarget(),
                HospitalEffect.State.valueOf(r.getState()));
    }
}
