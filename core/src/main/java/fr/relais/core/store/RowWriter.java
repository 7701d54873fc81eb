package fr.relais.core.store;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

/**
 * The rows of a table written whole from a domain value: inserted, or updated by id in every column but the id and
 * those that never change after the insert (a creation time). The repository's {@code fill} sets the columns from the
 * value, so that an insert and an update always write the same columns the same way.
 */
public final class RowWriter<R extends UpdatableRecord<R>, T> {
    private final DSLContext dsl;
    private final Table<R> table;
    private final TableField<R, UUID> id;
    private final Function<T, UUID> idOf;
    private final BiConsumer<R, T> fill;
    private final List<TableField<R, ?>> kept;

    /** {@code kept}: the columns an update leaves as the insert wrote them, besides the id. */
    @SafeVarargs
    public RowWriter(DSLContext dsl, Table<R> table, TableField<R, UUID> id, Function<T, UUID> idOf, BiConsumer<R, T> fill,
                     TableField<R, ?>... kept) {
        this.dsl = dsl;
        this.table = table;
        this.id = id;
        this.idOf = idOf;
        this.fill = fill;
        this.kept = List.of(kept);
    }

    public void insert(T value) {
        filled(value).insert();
    }

    public void update(T value) {
        R r = filled(value);
        r.changed(id, false);
        kept.forEach(column -> r.changed(column, false));
        dsl.executeUpdate(r, id.eq(idOf.apply(value)));
    }

    private R filled(T value) {
        R r = dsl.newRecord(table);
        fill.accept(r, value);
        return r;
    }
}
