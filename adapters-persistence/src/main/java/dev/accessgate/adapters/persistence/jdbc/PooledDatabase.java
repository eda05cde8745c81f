package dev.accessgate.adapters.persistence.jdbc;

import dev.accessgate.application.port.out.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What SQLite and PostgreSQL share: transactions on pooled connections, the joining of a write
 * (or read) to the write the current thread is in (the unit of work), and kept statements. A
 * subclass says how its errors are classified and may serialise its writers around
 * {@link #transaction}.
 */
public abstract class PooledDatabase implements Database {

    private final DataSource pool;
    /** The connection of the write transaction the current thread is in, if any. */
    private final ThreadLocal<Connection> currentWrite = new ThreadLocal<>();
    private final KeptStatements statements = new KeptStatements();

    protected PooledDatabase(DataSource pool) {
        this.pool = pool;
    }

    /** {@code e} as a store failure: {@link StoreException.Kind#UNAVAILABLE} when it may clear by itself. */
    protected abstract StoreException fault(SQLException e);

    /**
     * Runs {@code work} in one write transaction; commits if it returns, rolls back if it throws.
     * Inside another write on the same thread, runs in that transaction (which commits or rolls
     * back as a whole).
     */
    @Override
    public <T> T write(Work<T> work) {
        Connection joined = currentWrite.get();
        return joined != null ? runOn(joined, work) : transaction(work);
    }

    /** Whether the current thread is inside a write transaction (a new write would join it). */
    protected final boolean inWrite() {
        return currentWrite.get() != null;
    }

    /** A new write transaction on a pooled connection. */
    protected <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            currentWrite.set(connection);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                currentWrite.remove();
            }
        } catch (SQLException e) {
            throw fault(e);
        }
    }

    /**
     * Runs {@code work} outside any write transaction; inside a write on the same thread, on
     * that write's connection (so it sees what the write has done so far).
     */
    @Override
    public <T> T read(Work<T> work) {
        Connection joined = currentWrite.get();
        if (joined != null) {
            return runOn(joined, work);
        }
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw fault(e);
        }
    }

    @Override
    public PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        return statements.prepared(connection, sql);
    }

    /** Forgets the kept statements; call when the pool closes. */
    protected final void forgetStatements() {
        statements.clear();
    }

    private <T> T runOn(Connection connection, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw fault(e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollback) {
            cause.addSuppressed(rollback);
        }
    }
}
