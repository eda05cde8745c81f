package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.port.out.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Can the database take a write right now? Rewrites one row (a real commit, through the same
 * writer as ingest) and looks at the free space of the file's disk. A write that fits in
 * space SQLite already holds may succeed on a full disk, so the free space counts as well.
 */
public final class SqliteWriteProbe {

    /** Below this many free bytes the disk counts as full: the next event may not fit. */
    public static final long MIN_FREE_BYTES = 1L << 20;

    /** Writable, or why not. */
    public record Result(boolean writable, long freeBytes, Optional<String> problem) {
    }

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteWriteProbe(SqliteDatabase db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Result probe() {
        long free = freeBytes(db.file());
        try {
            db.write(connection -> {
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE write_probe SET probed_at = ? WHERE id = 1")) {
                    update.setLong(1, clock.millis());
                    return update.executeUpdate();
                }
            });
        } catch (StoreException e) {
            return new Result(false, free, Optional.of(e.kind() + ": " + e.getMessage()));
        }
        if (free >= 0 && free < MIN_FREE_BYTES) {
            return new Result(false, free, Optional.of("disk full: " + free + " bytes free"));
        }
        return new Result(true, free, Optional.empty());
    }

    /** Free bytes on the file's disk for this process, or -1 when that cannot be read. */
    private static long freeBytes(Path file) {
        try {
            return Files.getFileStore(file.getParent()).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
