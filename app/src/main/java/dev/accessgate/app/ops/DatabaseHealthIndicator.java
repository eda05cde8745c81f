package dev.accessgate.app.ops;

import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqliteWriteProbe;
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
 * Ready only while the SQLite file answers a query and takes a write ({@code GET
 * /health/readiness}): while another process holds its lock, the disk is full or the file is
 * read-only, ingest answers 503, so the instance is not ready either. The check runs on the
 * blocking executor, never on an event loop.
 */
@Singleton
@Readiness
final class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final SqliteDatabase db;
    private final SqliteWriteProbe writeProbe;

    DatabaseHealthIndicator(SqliteDatabase db, java.time.Clock clock) {
        this.db = db;
        this.writeProbe = new SqliteWriteProbe(db, clock);
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
            SqliteWriteProbe.Result write = writeProbe.probe();
            details.put("writable", write.writable());
            details.put("freeBytes", write.freeBytes());
            write.problem().ifPresent(problem -> details.put("error", problem));
            healthStatus = write.writable() ? HealthStatus.UP : HealthStatus.DOWN;
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
