package dev.accessgate.app.ops;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gauges of the storage: the size on disk of the SQLite file and its write-ahead log. None for
 * PostgreSQL, whose server has its own monitoring (and /health shows the database size).
 */
@Context
final class StorageMetrics {

    StorageMetrics(Database db, MeterRegistry registry) {
        if (!(db instanceof SqliteDatabase sqlite)) {
            return;
        }
        Path file = sqlite.file();
        Gauge.builder("accessgate.database.size", () -> size(file) + size(Path.of(file + "-wal")))
                .description("bytes on disk of the SQLite file and its write-ahead log")
                .baseUnit("bytes")
                .register(registry);
    }

    private static double size(Path path) {
        try {
            return Files.exists(path) ? Files.size(path) : 0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}
