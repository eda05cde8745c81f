package dev.accessgate.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL with numbered parameters ({@code ?1}, {@code ?2}, each usable several times), which
 * SQLite understands and the PostgreSQL driver does not: turned into plain {@code ?} markers,
 * bound by number.
 */
public final class NumberedSql {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    private final String sql;
    /** For each plain marker, in order, the number it stands for. */
    private final int[] numbers;

    private NumberedSql(String sql, int[] numbers) {
        this.sql = sql;
        this.numbers = numbers;
    }

    public static NumberedSql of(String numberedSql) {
        Matcher matcher = NUMBERED.matcher(numberedSql);
        List<Integer> numbers = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group(1)));
            matcher.appendReplacement(plain, "?");
        }
        matcher.appendTail(plain);
        return new NumberedSql(plain.toString(), numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    public String sql() {
        return sql;
    }

    public PreparedStatement prepare(Connection c) throws SQLException {
        return c.prepareStatement(sql);
    }

    /**
     * Binds {@code values[n - 1]} to every {@code ?n}. Numbers beyond {@code values} are
     * left for the caller to bind with {@link #bind(PreparedStatement, int, Object)}.
     */
    public void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < numbers.length; i++) {
            if (numbers[i] <= values.length) {
                statement.setObject(i + 1, values[numbers[i] - 1]);
            }
        }
    }

    /** Binds {@code value} to every {@code ?number}. */
    public void bind(PreparedStatement statement, int number, Object value) throws SQLException {
        for (int i = 0; i < numbers.length; i++) {
            if (numbers[i] == number) {
                statement.setObject(i + 1, value);
            }
        }
    }
}
