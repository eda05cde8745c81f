package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.out.StoreException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void opens_in_wal_mode_with_the_schema_migrated() {
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("nested/dir/a.db")))) {
            String journal = db.read(c -> pragma(c.createStatement(), "journal_mode"));
            String synchronous = db.read(c -> pragma(c.createStatement(), "synchronous"));
            assertThat(journal).isEqualTo("wal");
            assertThat(synchronous).isEqualTo("2"); // FULL
            int tables = db.read(c -> {
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'blocked_objects'")) {
                    return rows.getInt(1);
                }
            });
            assertThat(tables).isEqualTo(1);
        }
    }

    @Test
    void a_failed_write_rolls_back_everything_it_did() {
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("b.db")))) {
            assertThatThrownBy(() -> db.write(c -> {
                c.createStatement().executeUpdate("INSERT INTO workspaces (cloud_id) VALUES ('half')");
                c.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
                return null;
            })).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.FAILED));
            int rows = db.read(c -> {
                try (ResultSet result = c.createStatement().executeQuery("SELECT count(*) FROM workspaces")) {
                    return result.getInt(1);
                }
            });
            assertThat(rows).isZero();
        }
    }

    @Test
    void reopening_an_existing_file_keeps_its_data() {
        Path file = dir.resolve("c.db");
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO workspaces (cloud_id) VALUES ('kept')"));
        }
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            String kept = db.read(c -> {
                try (ResultSet rows = c.createStatement().executeQuery("SELECT cloud_id FROM workspaces")) {
                    return rows.getString(1);
                }
            });
            assertThat(kept).isEqualTo("kept");
        }
    }

    private static String pragma(Statement statement, String name) throws java.sql.SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.getString(1);
        }
    }
}
