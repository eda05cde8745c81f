package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.application.port.out.RetentionStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;

/**
 * Retention on SQLite: plain batched deletes in one write transaction. Freed pages are reused
 * by later inserts, so the file stops growing once the retention is reached (it does not
 * shrink: that would need a VACUUM, which rewrites the whole file).
 */
public final class SqliteRetentionStore implements RetentionStore {

    /** The oldest finished deliveries; the same rows both times it is run inside one transaction. */
    private static final String OLD_FINISHED_DELIVERIES = """
            SELECT seq FROM deliveries
            WHERE state IN ('SUCCEEDED', 'DEAD', 'FILTERED') AND created_ns < ?
            ORDER BY created_ns, seq LIMIT ?""";

    private static final String DELETE_OLD_EVENTS = """
            DELETE FROM events WHERE seq IN (
                SELECT seq FROM events e
                WHERE received_ns < ? AND status <> 'UNPROCESSED'
                  AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id)
                ORDER BY received_ns, seq LIMIT ?)""";

    private final Database db;

    public SqliteRetentionStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Pruned prune(Instant cutoff, int limit) {
        long cutoffNs = Nanos.of(cutoff);
        return db.write(c -> {
            delete(c, "DELETE FROM delivery_attempts WHERE delivery_seq IN (" + OLD_FINISHED_DELIVERIES + ")",
                    cutoffNs, limit);
            int deliveries = delete(c, "DELETE FROM deliveries WHERE seq IN (" + OLD_FINISHED_DELIVERIES + ")",
                    cutoffNs, limit);
            int events = delete(c, DELETE_OLD_EVENTS, cutoffNs, limit);
            return new Pruned(deliveries, events);
        });
    }

    private static int delete(Connection c, String sql, long cutoffNs, int limit) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(sql)) {
            delete.setLong(1, cutoffNs);
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }
}
