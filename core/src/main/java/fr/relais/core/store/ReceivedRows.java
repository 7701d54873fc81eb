package fr.relais.core.store;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.TableField;
import org.jooq.TableRecord;

/**
 * Rows kept as the team server holds them now and never changed here (another system's plans, responses, text
 * measures): each version received replaces the row whole, with its lines in their order when it has some. Runs in
 * the caller's transaction.
 */
public final class ReceivedRows {
    private final DSLContext dsl;

    public ReceivedRows(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the row with {@code row}'s id by {@code row}; returns whether it was new here. */
    public <R extends TableRecord<R>> boolean replace(R row, TableField<R, UUID> id) {
        return this.<R, R>replace(row, id, null, List.of());
    }

    /**
     * Replaces the row with {@code row}'s id, and the lines that {@code owner} ties to it, by {@code row} and
     * {@code lines}; returns whether it was new here.
     */
    public <R extends TableRecord<R>, L extends TableRecord<L>> boolean replace(R row, TableField<R, UUID> id,
                                                                               TableField<L, UUID> owner, List<L> lines) {
        UUID key = row.get(id);
        boolean known = dsl.fetchExists(id.getTable(), id.eq(key));
        if (owner != null) {
            dsl.deleteFrom(owner.getTable()).where(owner.eq(key)).execute();
        }
        dsl.deleteFrom(id.getTable()).where(id.eq(key)).execute();
        dsl.executeInsert(row);
        lines.forEach(dsl::executeInsert);
        return !known;
    }

    /**
     * Replaces what {@code fromId} is linked to through a link table ({@code from}, {@code to}) by {@code toId}, or by
     * nothing when {@code toId} is null.
     */
    public <L extends Record> void relink(TableField<L, UUID> from, UUID fromId, TableField<L, UUID> to, UUID toId) {
        dsl.deleteFrom(from.getTable()).where(from.eq(fromId)).execute();
        if (toId != null) {
            dsl.insertInto(from.getTable()).set(from, fromId).set(to, toId).execute();
        }
    }
}
