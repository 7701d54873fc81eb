package fr.relais.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * Statements whose SQL text is rendered once, for a writer that runs the same few statements many times a second (the
 * ADT listener, docs/benchmarks.md "ADT messages over MLLP"): each shape is built and rendered by jOOQ the first time
 * it runs, then each run hands jOOQ that text and its values (typed by their columns, so each column's converter
 * applies). Rendering each statement's SQL again, identifiers quoted by a regular expression, was about a third of the
 * listener's CPU; preparing it was under 2 %.
 *
 * <p>Each run is an ordinary jOOQ statement on the connection the thread holds (its transaction's, or one the pool
 * lends): prepared, run and closed, through the store's execute listeners (its count, its thread check, its failure
 * explained). No statement stays prepared on a connection: SQLite refuses a backup's VACUUM INTO on a connection that
 * holds one, even reset.
 */
public final class KeptStatements {
    /** Each shape as rendered once; shapes are constants, so this holds a few dozen entries. */
    private static final Map<Shape<?>, Rendered> RENDERED = new ConcurrentHashMap<>();

    private final DSLContext dsl;

    public KeptStatements(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A statement's shape: a query built (with {@link DSL}'s static methods, unattached) from typed placeholders
     * ({@link Values#of}), bound in the order they were made. Kept by identity: make each one once, as a constant.
     */
    public interface Shape<Q extends Query> extends Function<Values, Q> {
    }

    /** The placeholders of one shape, in the order the values will be given. */
    public static final class Values {
        private final List<String> names = new ArrayList<>();

        /** A placeholder typed as {@code field} (its converter applies), bound to the next value given. */
        public <T> Param<T> of(Field<T> field) {
            String name = "kept" + names.size();
            names.add(name);
            return DSL.param(name, field);
        }

        /** An insert of one row into {@code table}, a placeholder for each of {@code columns} in their order. */
        public <R extends Record> InsertValuesStepN<R> insert(Table<R> table, Field<?>... columns) {
            return DSL.insertInto(table, columns).values(java.util.Arrays.stream(columns).map(c -> (Field<?>) of(c)).toList());
        }
    }

    /** Runs the statement of {@code shape} with {@code values}: rows changed. */
    public int execute(Shape<? extends Query> shape, Object... values) {
        Rendered r = rendered(shape);
        return dsl.query(r.sql(), r.bindings(values)).execute();
    }

    /** The rows of the query of {@code shape} with {@code values}, each mapped. */
    @SuppressWarnings("unchecked")
    public <R extends Record, E> List<E> fetch(Shape<? extends ResultQuery<R>> shape, RecordMapper<? super R, E> mapper, Object... values) {
        Rendered r = rendered(shape);
        ResultQuery<Record> query = dsl.resultQuery(r.sql(), r.bindings(values));
        // The rows typed as the shape's own query types them: its table's records, or records of its fields.
        return r.table() != null
                ? query.coerce(r.table()).fetch((RecordMapper<Record, E>) mapper)
                : query.coerce(r.fields()).fetch((RecordMapper<Record, E>) mapper);
    }

    private Rendered rendered(Shape<?> shape) {
        Rendered r = RENDERED.get(shape);
        if (r == null) {
            r = render(shape);
            RENDERED.putIfAbsent(shape, r);
        }
        return r;
    }

    private Rendered render(Shape<?> shape) {
        Values made = new Values();
        Query query = shape.apply(made);
        String sql = dsl.render(query);
        // Every bind value in the order of the text's "?" (read from the same text rendered with named placeholders):
        // the shape's own placeholders, and its constants (a LIMIT's).
        Map<String, Param<?>> held = query.getParams();
        java.util.regex.Matcher named = java.util.regex.Pattern.compile(":(\\w+)").matcher(dsl.renderNamedParams(query));
        List<Param<?>> all = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        while (named.find()) {
            all.add(java.util.Objects.requireNonNull(held.get(named.group(1)), named.group(1)));
            positions.add(made.names.indexOf(named.group(1)));
        }
        int[] position = positions.stream().mapToInt(Integer::intValue).toArray();
        if (sql.chars().filter(c -> c == '?').count() != all.size()) {
            throw new IllegalStateException("Cannot keep the SQL of " + sql + ": " + all.size() + " bind values");
        }
        Table<?> table = null;
        Field<?>[] fields = null;
        if (query instanceof ResultQuery<?> select) {
            Class<?> type = select.getRecordType();
            if (TableRecord.class.isAssignableFrom(type)) {
                try {
                    table = ((TableRecord<?>) type.getDeclaredConstructor().newInstance()).getTable();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read the table of " + type, e);
                }
            } else {
                fields = select.fields();
            }
        }
        return new Rendered(sql, all, position, made.names.size(), table, fields);
    }

    /**
     * A shape's SQL, its bind values in order ({@code position}: which value given fills each, -1 for a constant of
     * the shape) and how its rows are typed.
     */
    private record Rendered(String sql, List<Param<?>> params, int[] position, int values, Table<?> table, Field<?>[] fields) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object[] bindings(Object[] given) {
            if (given.length != values) {
                throw new IllegalArgumentException(values + " placeholders, " + given.length + " values");
            }
            // Object[], not QueryPart[]: plain SQL's bind values, each in place of the next "?", not {0} templates.
            Object[] bound = new Object[params.size()];
            for (int i = 0; i < bound.length; i++) {
                Param<?> p = params.get(i);
                bound[i] = position[i] < 0 ? p : DSL.val(given[position[i]], (org.jooq.DataType) p.getDataType());
            }
            return bound;
        }
    }
}
