package dev.accessgate.adapters.persistence.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.accessgate.adapters.persistence.jdbc.Dialect;
import dev.accessgate.adapters.persistence.jdbc.PooledDatabase;
import dev.accessgate.application.port.out.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * One SQLite file: migrated on open, written by one thread at a time, read by a pool.
 * Writers are serialised here rather than by SQLite's busy timeout, so they queue fairly
 * instead of spinning; the busy timeout remains for other processes holding the file.
 *
 * <p>A {@link #write} (or {@link #read}) called while the same thread is inside a write joins
 * that write's transaction: this is how several stores commit together (see
 * {@link SqliteUnitOfWork}). The outer write commits or rolls back everything.
 *
 * <p>{@link #writeGrouped} queues a write for the group-commit thread ({@link GroupCommitWriter}),
 * which commits many such writes at once; {@link #prepared} keeps statements open per
 * connection, so a hot path does not parse its SQL again on every call.
 */
public final class SqliteDatabase extends PooledDatabase {

    private final HikariDataSource pool;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Path file;
    private final GroupCommitWriter group;

    /** Writes per group commit: bounds the transaction (and the wait of its first writer) under a flood. */
    static final int MAX_GROUP = 256;
    /** Where the SQLite schema's Flyway scripts are, on the class path. */
    static final String MIGRATIONS = "db/migration/sqlite";

    private SqliteDatabase(Path file, HikariDataSource pool) {
        super(pool);
        this.file = file;
        this.pool = pool;
        this.group = new GroupCommitWriter(new GroupCommitWriter.Transactions() {
            @Override
            public void inTransaction(Work<Void> batch) {
                transaction(batch);
            }

            @Override
            public int hooksMark() {
                return SqliteDatabase.this.hooksMark();
            }

            @Override
            public void dropHooksFrom(int mark) {
                SqliteDatabase.this.dropHooksFrom(mark);
            }
        }, MAX_GROUP, "accessgate-sqlite-writer");
    }

    /** Opens (creating if needed) and migrates the database. */
    public static SqliteDatabase open(SqliteSettings settings) {
        Path file = settings.file().toAbsolutePath().normalize();
        try {
            Files.createDirectories(file.getParent());
        } catch (java.io.IOException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot create the directory of " + file, e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(settings.synchronous().name()));
        config.setBusyTimeout((int) settings.busyTimeout().toMillis());
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file);

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("accessgate-sqlite");
        hikari.setMaximumPoolSize(settings.readers() + 1);
        // A fixed pool whose connections live as long as it does, so the statements kept open
        // on them (see prepared) stay valid.
        hikari.setMinimumIdle(settings.readers() + 1);
        hikari.setMaxLifetime(0);
        hikari.setIdleTimeout(0);
        hikari.setConnectionTimeout(10_000);
        hikari.setExceptionOverride(SqliteFaults.EVICT_ON_FAULT);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE, "cannot open " + file + ": " + e.getMessage(), e);
        }
        try {
            // A restart on a schema that is already current skips Flyway's 0.3 to 0.5 s; anything
            // else (a new file, a pending, failed or changed script) is Flyway's, as always.
            if (!MigrationHistory.isCurrent(pool, SqliteDatabase.class.getClassLoader(), MIGRATIONS)) {
                Flyway.configure()
                        .dataSource(pool)
                        .locations("classpath:" + MIGRATIONS)
                        .load()
                        .migrate();
            }
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException(StoreException.Kind.FAILED, "cannot migrate " + file + ": " + e.getMessage(), e);
        }
        return new SqliteDatabase(file, pool);
    }

    public Path file() {
        return file;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    /**
     * Like {@link #write}, but shares its transaction and commit with other writes queued at the
     * same time ({@link GroupCommitWriter}); returns once that commit is done. A write that
     * throws changes nothing and does not affect the others. {@code work} runs on the writer
     * thread, so it must not rely on the caller's thread; inside a write on the caller's thread,
     * it joins that write instead.
     */
    @Override
    public <T> T writeGrouped(Work<T> work) {
        return inWrite() ? write(work) : group.write(work);
    }

    /** Grouped writes waiting for the writer thread (for tests). */
    int queuedWrites() {
        return group.queued();
    }

    /** One writer at a time, in arrival order: SQLite allows one, and a fair lock queues instead of spinning. */
    @Override
    protected <T> T transaction(Work<T> work) {
        writeLock.lock();
        try {
            return super.transaction(work);
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    protected StoreException fault(SQLException e) {
        return SqliteFaults.translate(e);
    }

    @Override
    public void close() {
        group.close();
        pool.close();
        forgetStatements();
    }

}
