package dev.accessgate.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where SQLite and PostgreSQL SQL differ for the stores. Everything else the stores write is
 * accepted by both (upserts, row values, partial indexes).
 */
public enum Dialect {

    /** One writer at a time: whatever a write reads stays as read until it commits. */
    SQLITE {
        @Override
        public void lockWorkspace(Connection c, String cloudId) {
            // The database's single writer already serialises every write.
        }
    },

    /**
     * Concurrent writers, from this process and others: writes that read before they change
     * take row or advisory locks.
     */
    POSTGRESQL {
        @Override
        public void lockWorkspace(Connection c, String cloudId) throws SQLException {
            // Transaction-scoped: released at commit or rollback. 64-bit hash, so unrelated
            // workspaces hardly ever share a lock.
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, cloudId);
                lock.execute();
            }
        }
    };

    /**
     * Serialises the writes to one workspace's policy state (events and baselines apply
     * read-then-write rules to it) for the rest of the transaction.
     */
    public abstract void lockWorkspace(Connection c, String cloudId) throws SQLException;

    /** Appended to a SELECT whose rows the transaction takes for itself; others skip them. */
    public String skipLocked(String table) {
        return this == POSTGRESQL ? " FOR UPDATE OF " + table + " SKIP LOCKED" : "";
    }

    /** The schema of connection-private tables. */
    public String tempSchema() {
        return this == POSTGRESQL ? "pg_temp" : "temp";
    }

    /** Table options of a keyed table (SQLite stores it clustered by its key). */
    public String keyedTable() {
        return this == SQLITE ? " WITHOUT ROWID" : "";
    }

    /** Column type of identifiers that must sort by code point, as the domain compares them. */
    public String text() {
        return this == POSTGRESQL ? "TEXT COLLATE \"C\"" : "TEXT";
    }
}
