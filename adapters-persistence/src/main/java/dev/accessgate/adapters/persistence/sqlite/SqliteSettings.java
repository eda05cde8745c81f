package dev.accessgate.adapters.persistence.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to open the SQLite file.
 *
 * @param synchronous {@code FULL} (default) syncs the WAL on every commit, so an acknowledged
 *                    event survives power loss; {@code NORMAL} survives a process crash only
 * @param readers     size of the read connection pool
 * @param busyTimeout how long a write waits for a lock another process holds before it fails
 *                    as storage unavailable (a 503 with Retry-After at the HTTP edge)
 */
public record SqliteSettings(Path file, Synchronous synchronous, int readers, Duration busyTimeout) {

    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    /** SQLite's {@code synchronous} pragma values that make sense with WAL. */
    public enum Synchronous {
        FULL, NORMAL;

        public static Synchronous parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    public SqliteSettings {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(synchronous, "synchronous");
        if (readers < 1 || readers > 64) {
            throw new IllegalArgumentException("readers must be between 1 and 64");
        }
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
        }
    }

    public SqliteSettings(Path file, Synchronous synchronous, int readers) {
        this(file, synchronous, readers, DEFAULT_BUSY_TIMEOUT);
    }

    public static SqliteSettings of(Path file) {
        return new SqliteSettings(file, Synchronous.FULL, 4);
    }
}
