package dev.accessgate.adapters.persistence.sqlite;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * How to open the SQLite file.
 *
 * @param synchronous {@code FULL} (default) syncs the WAL on every commit, so an acknowledged
 *                    event survives power loss; {@code NORMAL} survives a process crash only
 * @param readers     size of the read connection pool
 */
public record SqliteSettings(Path file, Synchronous synchronous, int readers) {

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
    }

    public static SqliteSettings of(Path file) {
        return new SqliteSettings(file, Synchronous.FULL, 4);
    }
}
