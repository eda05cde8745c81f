package dev.accessgate.app.ops;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.postgres.PostgresDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Ready only while the database (SQLite file or PostgreSQL server) answers a query ({@code GET /health/readiness}). The check
 * runs on the blocking executor, never on an event loop.
 */
@Singleton
@Readiness
final class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Database db;

    DatabaseHealthIndicator(Database db) {
        this.db = db;
    }

    @Inject
    @Override
    public void setExecutorService(@Named(TaskExecutors.BLOCKING) ExecutorService executorService) {
        super.setExecutorService(executorService);
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        Map<String, Object> details = new LinkedHashMap<>();
        String sizeQuery;
        if (db instanceof SqliteDatabase sqlite) {
            details.put("file", sqlite.file().toString());
            sizeQuery = "PRAGMA page_count";
        } else {
            details.put("url", ((PostgresDatabase) db).settings().redacted());
            sizeQuery = "SELECT pg_database_size(current_database())";
        }
        try {
            long size = db.read(c -> {
                try (Statement statement = c.createStatement();
                     ResultSet rows = statement.executeQuery(sizeQuery)) {
                    rows.next();
                    return rows.getLong(1);
                }
            });
            details.put(db instanceof SqliteDatabase ? "pages" : "bytes", size);
            healthStatus = HealthStatus.UP;
        } catch (RuntimeException e) {
            details.put("error", String.valueOf(e.getMessage()));
            healthStatus = HealthStatus.DOWN;
        }
        return details;
    }

    @Override
    protected String getName() {
        return "database";
    }
}
