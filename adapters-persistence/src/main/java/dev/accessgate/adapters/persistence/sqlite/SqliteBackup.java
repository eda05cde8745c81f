package dev.accessgate.adapters.persistence.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An online backup of the SQLite file: {@code VACUUM INTO} copies one consistent snapshot (a
 * read transaction; the service keeps writing meanwhile, in WAL mode) into a new, compact file.
 * The copy is then opened and checked.
 */
public final class SqliteBackup {

    /** What the check of the copy found. */
    public record Copy(Path file, long bytes, String integrity, long events, String schemaVersion) {
        public boolean ok() {
            return integrity.equals("ok");
        }
    }

    private SqliteBackup() {
    }

    /** Copies {@code source} to {@code target} (which must not exist) and checks the copy. */
    public static Copy copy(Path source, Path target) throws SQLException, IOException {
        if (!Files.isRegularFile(source)) {
            throw new IOException("no database file at " + source);
        }
        if (Files.exists(target)) {
            throw new IOException(target + " exists; a backup never overwrites a file");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath()
                + "?busy_timeout=10000");
             PreparedStatement vacuum = c.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + target.toAbsolutePath() + "?open_mode=1");
             Statement statement = c.createStatement()) {
            String integrity = single(statement, "PRAGMA integrity_check");
            long events = Long.parseLong(single(statement, "SELECT count(*) FROM events"));
            String version = single(statement,
                    "SELECT coalesce(max(CAST(version AS INTEGER)), 0) FROM flyway_schema_history WHERE success = 1");
            return new Copy(target, Files.size(target), integrity, events, version);
        }
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }
}
