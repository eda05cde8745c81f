package dev.accessgate.app.ops;

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
 * Ready only while the SQLite file answers a query ({@code GET /health/readiness}). The check
 * runs on the blocking executor, never on an event loop.
 */
@Singleton
@Readiness
final class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final SqliteDatabase db;

    DatabaseHealthIndicator(SqliteDatabase db) {
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
        details.put("file", db.file().toString());
        try {
            long pages = db.read(c -> {
                try (Statement statement = c.createStatement();
                     ResultSet rows = statement.executeQuery("PRAGMA page_count")) {
                    return rows.getLong(1);
                }
            });
            details.put("pages", pages);
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
