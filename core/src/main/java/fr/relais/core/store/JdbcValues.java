package fr.relais.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jooq.Converter;
import org.jooq.DataType;

/**
 * A column's value between Java and JDBC as jOOQ would pass it, for the kept statements run over JDBC
 * ({@link KeptStatements}): the column's converter turns the Java value into what the store holds (a UUID, an instant or
 * a date as text, {@code fr.relais.core.store.column}) and back, and that stored value is bound or read by its JDBC type
 * (text, integer, big integer, real, bytes).
 */
final class JdbcValues {
    private JdbcValues() {
    }

    /** Binds {@code value}, of {@code type}'s Java type (or one jOOQ converts to it), at {@code index}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void bind(PreparedStatement statement, int index, DataType<?> type, Object value) throws SQLException {
        Converter converter = type.getConverter();
        Object user = value == null || converter.toType().isInstance(value) ? value : type.convert(value);
        Object stored = user == null ? null : converter.to(user);
        if (stored == null) {
            statement.setNull(index, Types.NULL);
        } else if (stored instanceof String text) {
            statement.setString(index, text);
        } else if (stored instanceof Integer number) {
            statement.setInt(index, number);
        } else if (stored instanceof Long number) {
            statement.setLong(index, number);
        } else if (stored instanceof Double number) {
            statement.setDouble(index, number);
        } else if (stored instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            statement.setObject(index, stored);
        }
    }

    /** The value of column {@code index} of the current row, as {@code type}'s Java type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object read(ResultSet rows, int index, DataType<?> type) throws SQLException {
        Converter converter = type.getConverter();
        Class<?> stored = converter.fromType();
        Object value;
        if (stored == String.class) {
            value = rows.getString(index);
        } else if (stored == Integer.class) {
            int number = rows.getInt(index);
            value = rows.wasNull() ? null : number;
        } else if (stored == Long.class) {
            long number = rows.getLong(index);
            value = rows.wasNull() ? null : number;
        } else if (stored == Double.class) {
            double number = rows.getDouble(index);
            value = rows.wasNull() ? null : number;
        } else if (stored == byte[].class) {
            value = rows.getBytes(index);
        } else {
            Object raw = rows.getObject(index);
            return raw == null ? null : type.convert(raw);
        }
        return value == null ? null : converter.from(value);
    }
}
