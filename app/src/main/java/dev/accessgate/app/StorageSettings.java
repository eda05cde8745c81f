package dev.accessgate.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code accessgate.*} storage settings. Each has a default and an environment variable
 * (see application.yml and docs/operations.md).
 */
@ConfigurationProperties("accessgate")
final class StorageSettings {

    /** SQLite file ({@code ACCESSGATE_DB}). */
    private String db = "./accessgate.db";
    /** Empty: SQLite; {@code postgresql://...} or {@code jdbc:postgresql:...} ({@code ACCESSGATE_DATABASE_URL}). */
    private String databaseUrl = "";
    /** Connections per instance to PostgreSQL ({@code ACCESSGATE_POSTGRES_POOL_SIZE}). */
    private int postgresPoolSize = 10;
    /** {@code FULL} or {@code NORMAL} ({@code ACCESSGATE_SQLITE_SYNCHRONOUS}). */
    private String sqliteSynchronous = "FULL";
    /** Read connections ({@code ACCESSGATE_SQLITE_READERS}). */
    private int sqliteReaders = 4;
    /** Wait for another process's lock before a write fails as unavailable ({@code ACCESSGATE_SQLITE_BUSY_TIMEOUT}). */
    private Duration sqliteBusyTimeout = Duration.ofSeconds(5);
    /**
     * Blocked objects held in memory for the checks, over all workspaces; 0: none
     * ({@code ACCESSGATE_INDEX_MAX_OBJECTS}). SQLite only.
     */
    private long indexMaxObjects = 1_000_000;

    public long getIndexMaxObjects() {
        return indexMaxObjects;
    }

    public void setIndexMaxObjects(long indexMaxObjects) {
        this.indexMaxObjects = indexMaxObjects;
    }

    public String getDb() {
        return db;
    }

    public void setDb(String db) {
        this.db = db;
    }

    public String getDatabaseUrl() {
        return databaseUrl;
    }

    public void setDatabaseUrl(String databaseUrl) {
        this.databaseUrl = databaseUrl;
    }

    public int getPostgresPoolSize() {
        return postgresPoolSize;
    }

    public void setPostgresPoolSize(int postgresPoolSize) {
        this.postgresPoolSize = postgresPoolSize;
    }

    public String getSqliteSynchronous() {
        return sqliteSynchronous;
    }

    public void setSqliteSynchronous(String sqliteSynchronous) {
        this.sqliteSynchronous = sqliteSynchronous;
    }

    public int getSqliteReaders() {
        return sqliteReaders;
    }

    public void setSqliteReaders(int sqliteReaders) {
        this.sqliteReaders = sqliteReaders;
    }

    public Duration getSqliteBusyTimeout() {
        return sqliteBusyTimeout;
    }

    public void setSqliteBusyTimeout(Duration sqliteBusyTimeout) {
        this.sqliteBusyTimeout = sqliteBusyTimeout;
    }
}
