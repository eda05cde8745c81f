package dev.accessgate.adapters.persistence.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.accessgate.adapters.persistence.jdbc.Dialect;
import dev.accessgate.adapters.persistence.jdbc.PooledDatabase;
import dev.accessgate.application.port.out.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.flywaydb.core.Flyway;

/**
 * One PostgreSQL database, migrated on open, shared by every instance. Unlike SQLite, writes
 * run concurrently (READ COMMITTED); the stores lock what they read before they change it
 * ({@link Dialect#POSTGRESQL}). As with SQLite, a write or read on a thread that is inside a
 * write joins that write's transaction (the unit of work).
 */
public final class PostgresDatabase extends PooledDatabase {

    private final HikariDataSource pool;
    private final PostgresSettings settings;

    private PostgresDatabase(PostgresSettings settings, HikariDataSource pool) {
        super(pool);
        this.settings = settings;
        this.pool = pool;
    }

    /** Connects and migrates (Flyway locks the schema history, so instances may start together). */
    public static PostgresDatabase open(PostgresSettings settings) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(hikari::setUsername);
        settings.password().ifPresent(hikari::setPassword);
        hikari.setPoolName("accessgate-postgres");
        hikari.setMaximumPoolSize(settings.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        // Fail at start-up, not at the first request, when the server cannot be reached.
        hikari.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Kind.UNAVAILABLE,
                    "cannot connect to PostgreSQL at " + settings.redacted() + ": " + rootMessage(e), e);
        }
        try {
            // Its own connections: Flyway holds one for its lock while it migrates on another.
            Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user().orElse(null), settings.password().orElse(null))
                    .locations("classpath:db/migration/postgresql")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException(StoreException.Kind.FAILED,
                    "cannot migrate PostgreSQL at " + settings.redacted() + ": " + e.getMessage(), e);
        }
        return new PostgresDatabase(settings, pool);
    }

    public PostgresSettings settings() {
        return settings;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    protected StoreException fault(SQLException e) {
        return translate(e);
    }

    /**
     * SQLSTATE classes and codes of faults that may clear by themselves: connection lost (08),
     * serialization failure and deadlock (40001, 40P01: the client retries the whole request),
     * insufficient resources such as a full disk (53), the server shutting down or starting
     * (57P01..57P03), lock not available (55P03), read-only transaction (25006, a standby).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_CODES = Set.of("40001", "40P01", "57P01", "57P02", "57P03", "55P03",
            "25006");

    static StoreException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean transientFault = e instanceof SQLTransientException // e.g. the pool timed out
                || TRANSIENT_CODES.contains(state)
                || state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2));
        return new StoreException(transientFault ? StoreException.Kind.UNAVAILABLE : StoreException.Kind.FAILED,
                "PostgreSQL: " + e.getMessage(), e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @Override
    public void close() {
        pool.close();
        forgetStatements();
    }
}
