package fr.relais.core.store;

import static fr.relais.core.store.schema.Tables.STORE_META;

import java.util.Optional;
import org.jooq.DSLContext;

/** Small facts about the store itself (its kind, the demo seed it was filled with). */
public final class StoreMeta {
    static final String KIND = "store.kind";
    static final String STORE_ID = "store.id";

    private final DSLContext dsl;

    public StoreMeta(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<String> get(String key) {
        return dsl.select(STORE_META.VALUE).from(STORE_META).where(STORE_META.KEY.eq(key)).fetchOptional(STORE_META.VALUE);
    }

    public void put(String key, String value) {
        dsl.insertInto(STORE_META, STORE_META.KEY, STORE_META.VALUE).values(key, value)
                .onConflict(STORE_META.KEY).doUpdate().set(STORE_META.VALUE, value).execute();
    }

    public StoreKind kind() {
        return get(KIND).map(StoreKind::valueOf).orElse(StoreKind.PRODUCTION);
    }

    public void setKind(StoreKind kind) {
        put(KIND, kind.name());
    }

    /** A stable id of this store, made at creation; it tells workstations apart in audit and sync. */
    public String storeId() {
        return get(STORE_ID).orElseThrow();
    }
}
