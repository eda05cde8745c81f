package dev.accessgate.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Statements prepared once per physical connection and kept open with it, so a hot path does
 * not parse its SQL again on every call. Each connection's map is only used by the thread that
 * holds that connection; entries of connections the pool closed are dropped on the next miss.
 */
public final class KeptStatements {

    private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();

    /**
     * A statement for {@code sql} on {@code connection} (a pooled proxy is unwrapped to its physical
     * connection). Do not close it; close its result sets. Only for fixed SQL texts: the cache
     * grows with every new text.
     */
    public PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        Map<String, PreparedStatement> open = statements.get(physical);
        if (open == null) {
            statements.keySet().removeIf(KeptStatements::isClosed);
            open = new HashMap<>();
            statements.put(physical, open);
        }
        PreparedStatement statement = open.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            open.put(sql, statement);
        } else {
            statement.clearBatch(); // left over if a previous use failed half-way
        }
        return statement;
    }

    /** Forgets every statement (their connections close them). */
    public void clear() {
        statements.clear();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
