package fr.relais.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.jooq.CloseableQuery;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * Statements kept prepared on each of the store's connections, for a writer that runs the same few statements many
 * times a second (the ADT listener, docs/benchmarks.md "ADT messages over MLLP"): each shape is built and rendered to SQL
 * once per connection and prepared once (jOOQ {@code keepStatement}), then only its values are bound. Rendering each
 * statement's SQL and preparing it again was most of jOOQ's share of a message's CPU.
 *
 * <p>A statement runs on the connection the thread holds: its transaction's (so it is part of it), or outside one the
 * connection the pool lends for that statement, as any jOOQ query does. The statements are prepared on the pool's
 * physical connection, which outlives each loan, and stay with it: a connection the pool closes closes them, and they
 * are forgotten. Each statement still goes through the store's execute listeners (its count, its thread check, its
 * failure explained). A statement that fails is closed and prepared again the next time.
 */
public final class KeptStatements {
    private final DSLContext dsl;
    /** Per physical connection, its kept statements by shape; guarded by itself. */
    private final Map<Connection, PerConnection> byConnection = new WeakHashMap<>();

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
        return kept(shape, values, q -> q.execute());
    }

    /** The rows of the query of {@code shape} with {@code values}, each mapped. */
    public <R extends Record, E> List<E> fetch(Shape<? extends ResultQuery<R>> shape, RecordMapper<? super R, E> mapper, Object... values) {
        return kept(shape, values, q -> q.fetch(mapper));
    }

    private <Q extends Query, T> T kept(Shape<? extends Q> shape, Object[] values, Function<Q, T> run) {
        // The connection this thread holds: its transaction's, or one the pool lends until this returns.
        return dsl.connectionResult(held -> {
            Connection physical = held.unwrap(Connection.class);
            PerConnection statements;
            synchronized (byConnection) {
                statements = byConnection.get(physical);
                if (statements == null) {
                    byConnection.keySet().removeIf(KeptStatements::closed);
                    statements = new PerConnection(configurationOn(physical));
                    byConnection.put(physical, statements);
                }
            }
            // No other thread uses this connection, nor so its statements, until this one gives it back.
            Kept<Q> kept = statements.of(shape);
            bind(kept, values);
            try {
                return run.apply(kept.query());
            } catch (RuntimeException e) {
                statements.forget(shape);
                throw e;
            }
        });
    }

    /**
     * The placeholders as the query holds them, in the order made: a condition holds a copy of the one it was given, and
     * a statement kept prepared binds what the query holds.
     */
    private static List<Param<?>> placeholders(Query query, Values made) {
        Map<String, Param<?>> held = query.getParams();
        return made.names.stream().<Param<?>>map(name -> java.util.Objects.requireNonNull(held.get(name), name)).toList();
    }

    private static void bind(Kept<?> kept, Object[] values) {
        List<Param<?>> params = kept.params();
        if (params.size() != values.length) {
            throw new IllegalArgumentException(params.size() + " placeholders, " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            SET_VALUE.set(kept.query(), params.get(i), values[i]);
        }
    }

    /** How a placeholder the query holds is given its value. */
    private interface Setter {
        void set(Query query, Param<?> param, Object value);
    }

    /**
     * jOOQ's own setter of a bind value, the one {@link Query#bind(String, Object)} uses once it has found the
     * placeholder by walking the whole query (per value: about what rendering it again cost); {@link Param}'s public
     * setter logs a deprecation warning each time. When a jOOQ version no longer has it, {@code bind} by name.
     */
    private static final Setter SET_VALUE = setter();

    private static Setter setter() {
        try {
            Class<?> paramX = Class.forName("org.jooq.impl.AbstractParamX");
            java.lang.reflect.Method setConverted0 = paramX.getDeclaredMethod("setConverted0", Object.class);
            setConverted0.setAccessible(true);
            java.lang.invoke.MethodHandle handle = java.lang.invoke.MethodHandles.lookup().unreflect(setConverted0)
                    .asType(java.lang.invoke.MethodType.methodType(void.class, Object.class, Object.class));
            return (query, param, value) -> {
                try {
                    handle.invokeExact((Object) param, value);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return (query, param, value) -> query.bind(param.getParamName(), value);
        }
    }

    private static boolean closed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** The store's settings and execute listeners, on this one connection and no transaction provider of its own. */
    private Configuration configurationOn(Connection physical) {
        Configuration store = dsl.configuration();
        return new DefaultConfiguration().set(store.dialect()).set(store.settings()).set(physical)
                .set(store.executeListenerProviders());
    }

    /**
     * A query kept prepared, and its placeholders in the order of the values; {@code closeable} is {@code query} itself,
     * as jOOQ types it once its statement is kept.
     */
    private record Kept<Q extends Query>(Q query, CloseableQuery closeable, List<Param<?>> params) {
    }

    private static final class PerConnection {
        private final Configuration configuration;
        private final Map<Shape<?>, Kept<?>> kept = new HashMap<>();

        PerConnection(Configuration configuration) {
            this.configuration = configuration;
        }

        @SuppressWarnings("unchecked")
        <Q extends Query> Kept<Q> of(Shape<? extends Q> shape) {
            Kept<Q> k = (Kept<Q>) kept.get(shape);
            if (k == null) {
                Values names = new Values();
                Q query = shape.apply(names);
                configuration.dsl().attach(query);
                k = new Kept<>(query, query.keepStatement(true), placeholders(query, names));
                kept.put(shape, k);
            }
            return k;
        }

        void forget(Shape<?> shape) {
            Kept<?> k = kept.remove(shape);
            if (k != null) {
                k.closeable().close();
            }
        }
    }
}
