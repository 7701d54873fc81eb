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
 * <p>On a store's context each run goes to JDBC directly ({@link HeldStatements}): the values bound by each column's
 * converter, the rows read into the shape's records, without jOOQ's plain SQL pass over the text and its typed bind
 * values (a fifth of the listener's CPU once rendering was gone), on the connection the thread holds, with the store's
 * guarantees (its count, its thread check, its failure explained); within a transaction each statement is prepared once
 * and closed as the transaction's work ends. On any other context it runs as a jOOQ plain SQL statement.
 */
public final class KeptStatements {
    /** Each shape as rendered once; shapes are constants, so this holds a few dozen entries. */
    private static final Map<Shape<?>, Rendered> RENDERED = new ConcurrentHashMap<>();

    private final DSLContext dsl;
    /** The store's JDBC runner, or null for a context that is not a store's (then jOOQ runs the kept text). */
    private final HeldStatements held;

    public KeptStatements(DSLContext dsl) {
        this.dsl = dsl;
        this.held = (HeldStatements) dsl.configuration().data(HeldStatements.KEY);
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
        if (held != null) {
            return held.run(r.sql(), statement -> {
                r.bind(statement, values);
                return statement.executeUpdate();
            });
        }
        return dsl.query(r.sql(), r.bindings(values)).execute();
    }

    /** The rows of the query of {@code shape} with {@code values}, each mapped. */
    @SuppressWarnings("unchecked")
    public <R extends Record, E> List<E> fetch(Shape<? extends ResultQuery<R>> shape, RecordMapper<? super R, E> mapper, Object... values) {
        Rendered r = rendered(shape);
        if (held != null) {
            // All rows read before any is mapped: a mapper may run statements of its own, even this one, on the
            // connection whose statement would otherwise still be reading.
            List<Record> rows = held.run(r.sql(), statement -> {
                r.bind(statement, values);
                List<Record> read = new ArrayList<>();
                try (java.sql.ResultSet found = statement.executeQuery()) {
                    Field<?>[] columns = r.columns(found);
                    while (found.next()) {
                        read.add(r.row(dsl, columns, found));
                    }
                }
                return read;
            });
            List<E> mapped = new ArrayList<>(rows.size());
            for (Record row : rows) {
                mapped.add(((RecordMapper<Record, E>) mapper).map(row));
            }
            return mapped;
        }
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
        return new Rendered(sql, all, position, made.names.size(), table, fields, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /**
     * A shape's SQL, its bind values in order ({@code position}: which value given fills each, -1 for a constant of
     * the shape) and how its rows are typed.
     */
    private record Rendered(String sql, List<Param<?>> params, int[] position, int values, Table<?> table, Field<?>[] fields,
                            java.util.concurrent.atomic.AtomicReference<Field<?>[]> read) {
        /** Binds {@code given} to {@code statement}, each value turned into what its column stores by its converter. */
        void bind(java.sql.PreparedStatement statement, Object[] given) throws java.sql.SQLException {
            if (given.length != values) {
                throw new IllegalArgumentException(values + " placeholders, " + given.length + " values");
            }
            for (int i = 0; i < params.size(); i++) {
                Param<?> p = params.get(i);
                JdbcValues.bind(statement, i + 1, p.getDataType(), position[i] < 0 ? p.getValue() : given[position[i]]);
            }
        }

        /** The field each column of {@code rows} is read as: the table's field of its name, or the query's in its place. */
        Field<?>[] columns(java.sql.ResultSet rows) throws java.sql.SQLException {
            Field<?>[] known = read.get();
            if (known == null) {
                java.sql.ResultSetMetaData meta = rows.getMetaData();
                known = new Field<?>[meta.getColumnCount()];
                for (int i = 0; i < known.length; i++) {
                    known[i] = table != null ? java.util.Objects.requireNonNull(table.field(meta.getColumnLabel(i + 1)),
                            () -> "no column " + sql) : fields[i];
                }
                if (table == null && known.length != fields.length) {
                    throw new IllegalStateException(sql + " returns " + known.length + " columns, " + fields.length + " fields");
                }
                read.set(known);
            }
            return known;
        }

        /** The current row of {@code rows}, typed as the shape's query types it (its table's record, or its fields'). */
        @SuppressWarnings({"unchecked", "rawtypes"})
        Record row(DSLContext dsl, Field<?>[] columns, java.sql.ResultSet rows) throws java.sql.SQLException {
            Record record = table != null ? dsl.newRecord(table) : dsl.newRecord(fields);
            for (int i = 0; i < columns.length; i++) {
                record.set((Field) columns[i], JdbcValues.read(rows, i + 1, columns[i].getDataType()));
            }
            record.changed(false);
            return record;
        }

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
