package dev.accessgate.app.ops;

import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Gauges of the storage: the size on disk of the SQLite file and its write-ahead log. */
@Context
final class StorageMetrics {

    StorageMetrics(SqliteDatabase db, MeterRegistry registry) {
        Path file = db.file();
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
