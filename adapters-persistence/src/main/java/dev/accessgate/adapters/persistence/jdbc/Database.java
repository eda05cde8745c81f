package dev.accessgate.adapters.persistence.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A database the JDBC stores run on: SQLite or PostgreSQL. A {@link #write} (or {@link #read})
 * called while the same thread is inside a write joins that write's transaction, so several
 * stores can commit together; the outer write commits or rolls back everything.
 */
public interface Database extends AutoCloseable {

    /** A unit of work on one connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} in one write transaction: commits if it returns, rolls back if it throws. */
    <T> T write(Work<T> work);

    /**
     * Like {@link #write}, but may share its transaction and commit with other writes made at the
     * same time (SQLite's group commit); returns once its commit is done, and a write that throws
     * changes nothing. {@code work} may run on another thread.
     */
    default <T> T writeGrouped(Work<T> work) {
        return write(work);
    }

    /**
     * Runs {@code hook} once the write the current thread is in has committed, before that write
     * returns (or, grouped, before its caller is answered); drops it if the write rolls back
     * (for a grouped write: if that write alone rolls back to its savepoint). Hooks keep
     * in-process copies of committed data current; they must not throw.
     *
     * @throws IllegalStateException outside a write
     */
    void afterCommit(Runnable hook);

    /** Runs {@code work} outside any write transaction, or inside the current thread's write. */
    <T> T read(Work<T> work);

    /**
     * A statement for {@code sql} on {@code connection}, prepared once and kept open with the
     * connection ({@link KeptStatements}). Do not close it; close its result sets.
     */
    PreparedStatement prepared(Connection connection, String sql) throws SQLException;

    Dialect dialect();

    @Override
    void close();
}
