package dev.accessgate.app.ops;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.postgres.PostgresDatabase;
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
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Ready only while the database answers a query ({@code GET /health/readiness}) and, for a
 * SQLite file, takes a write: while another process holds its lock, the disk is full or the
 * file is read-only, ingest answers 503, so the instance is not ready either. The check runs on
 * the blocking executor, never on an event loop.
 */
@Singleton
@Readiness
final class DatabaseHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final Database db;
    private final Optional<SqliteWriteProbe> writeProbe;

    DatabaseHealthIndicator(Database db, java.time.Clock clock) {
        this.db = db;
        this.writeProbe = db instanceof SqliteDatabase sqlite
                ? Optional.of(new SqliteWriteProbe(sqlite, clock)) : Optional.empty();
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
            writeProbe.ifPresent(probe -> {
                SqliteWriteProbe.Result write = probe.probe();
                details.put("writable", write.writable());
                details.put("freeBytes", write.freeBytes());
                write.problem().ifPresent(problem -> details.put("error", problem));
                healthStatus = write.writable() ? HealthStatus.UP : HealthStatus.DOWN;
            });
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
