package dev.accessgate.adapters.persistence.jdbc;

import dev.accessgate.application.port.out.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    /** The after-commit hooks of the write transaction the current thread is in. */
    private final ThreadLocal<List<Runnable>> hooks = new ThreadLocal<>();
    private static final Logger LOG = LoggerFactory.getLogger(PooledDatabase.class);

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
            List<Runnable> pending = new ArrayList<>();
            hooks.set(pending);
            T result;
            try {
                result = work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                currentWrite.remove();
                hooks.remove();
            }
            runHooks(pending);
            return result;
        } catch (SQLException e) {
            throw fault(e);
        }
    }

    @Override
    public void afterCommit(Runnable hook) {
        List<Runnable> pending = hooks.get();
        if (pending == null) {
            throw new IllegalStateException("afterCommit outside a write");
        }
        pending.add(hook);
    }

    /** How many hooks the current write has registered: a mark to {@link #dropHooksFrom} on a savepoint rollback. */
    protected final int hooksMark() {
        List<Runnable> pending = hooks.get();
        return pending == null ? 0 : pending.size();
    }

    /** Forgets the hooks registered since {@code mark}: their part of the write was rolled back. */
    protected final void dropHooksFrom(int mark) {
        List<Runnable> pending = hooks.get();
        if (pending != null && pending.size() > mark) {
            pending.subList(mark, pending.size()).clear();
        }
    }

    /** The data is committed whatever a hook does, so a failing hook is logged, never rethrown. */
    private static void runHooks(List<Runnable> pending) {
        for (Runnable hook : pending) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.error("after-commit hook failed", e);
            }
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
