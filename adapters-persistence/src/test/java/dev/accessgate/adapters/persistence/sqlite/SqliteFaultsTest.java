package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.out.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

class SqliteFaultsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = SQLiteErrorCode.class, names = {"SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL",
        "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_BUSY_SNAPSHOT", "SQLITE_IOERR_WRITE",
        "SQLITE_IOERR_FSYNC", "SQLITE_READONLY_DBMOVED", "SQLITE_LOCKED_SHAREDCACHE", "SQLITE_PROTOCOL"})
    void faults_of_the_file_or_the_machine_are_storage_unavailable(SQLiteErrorCode code) {
        assertThat(SqliteFaults.translate(new SQLiteException("fault", code)).kind())
                .isEqualTo(StoreException.Kind.UNAVAILABLE);
    }

    @ParameterizedTest
    @EnumSource(value = SQLiteErrorCode.class, names = {"SQLITE_ERROR", "SQLITE_CONSTRAINT",
        "SQLITE_CONSTRAINT_PRIMARYKEY", "SQLITE_CORRUPT", "SQLITE_MISMATCH", "SQLITE_NOTADB", "SQLITE_TOOBIG"})
    void mistakes_and_damage_are_failures(SQLiteErrorCode code) {
        assertThat(SqliteFaults.translate(new SQLiteException("bug", code)).kind())
                .isEqualTo(StoreException.Kind.FAILED);
    }

    @Test
    void the_pool_timing_out_is_unavailable_and_other_jdbc_errors_fail() {
        assertThat(SqliteFaults.isUnavailable(new SQLTransientConnectionException("pool timed out"))).isTrue();
        assertThat(SqliteFaults.isUnavailable(new SQLException("something else"))).isFalse();
    }

    @Test
    void a_lock_held_by_another_connection_makes_writes_unavailable_until_it_is_released() throws Exception {
        Path file = dir.resolve("locked.db");
        SqliteSettings settings = new SqliteSettings(file, SqliteSettings.Synchronous.FULL, 2, Duration.ofMillis(100));
        try (SqliteDatabase db = SqliteDatabase.open(settings);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement lock = other.createStatement()) {
            SqliteWriteProbe probe = new SqliteWriteProbe(db, Clock.systemUTC());
            assertThat(probe.probe().writable()).isTrue();

            lock.execute("BEGIN EXCLUSIVE");
            assertThatThrownBy(() -> db.write(c -> {
                c.createStatement().executeUpdate("INSERT INTO workspaces (cloud_id) VALUES ('while-locked')");
                return null;
            })).isInstanceOfSatisfying(StoreException.class,
                    e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNAVAILABLE));
            SqliteWriteProbe.Result locked = probe.probe();
            assertThat(locked.writable()).isFalse();
            assertThat(locked.problem()).hasValueSatisfying(p -> assertThat(p).contains("UNAVAILABLE"));
            lock.execute("ROLLBACK");

            SqliteWriteProbe.Result released = probe.probe();
            assertThat(released.writable()).as("recovers without reopening: %s", released).isTrue();
            db.write(c -> c.createStatement().executeUpdate("INSERT INTO workspaces (cloud_id) VALUES ('after')"));
            String stored = db.read(c -> {
                try (ResultSet rows = c.createStatement().executeQuery("SELECT group_concat(cloud_id) FROM workspaces")) {
                    return rows.getString(1);
                }
            });
            assertThat(stored).as("only the write after the lock").isEqualTo("after");
        }
    }
}
