package dev.accessgate.adapters.persistence.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.out.StoreException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * The restart shortcut of {@link SqliteDatabase#open}: Flyway is skipped only when its history
 * says exactly what Flyway itself would find (so the checksums computed here are Flyway's), and
 * whatever else a file holds still goes through Flyway's validation, with its errors.
 */
class MigrationHistoryTest {

    @TempDir
    Path dir;

    private static boolean current(Path file) {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        return MigrationHistory.isCurrent(source, MigrationHistoryTest.class.getClassLoader(), SqliteDatabase.MIGRATIONS);
    }

    private static void change(Path file, String sql) {
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            db.write(c -> c.createStatement().executeUpdate(sql));
        }
    }

    @Test
    void a_file_flyway_migrated_is_current_and_a_new_one_is_not() {
        Path file = dir.resolve("a.db");
        assertThat(current(file)).isFalse();
        SqliteDatabase.open(SqliteSettings.of(file)).close();

        assertThat(current(file)).isTrue();
        // the restart that skipped Flyway still has the whole schema
        try (SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file))) {
            int tables = db.read(c -> {
                try (ResultSet rows = c.createStatement().executeQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name IN ('blocked_objects', 'write_probe')")) {
                    return rows.getInt(1);
                }
            });
            assertThat(tables).isEqualTo(2);
        }
    }

    @Test
    void the_scripts_are_found_in_a_jar_as_in_a_directory() throws Exception {
        Path file = dir.resolve("jar.db");
        SqliteDatabase.open(SqliteSettings.of(file)).close();
        // as the service runs: the scripts inside a (shaded) jar, directory entries included
        Path jar = dir.resolve("scripts.jar");
        Path scripts = Path.of(MigrationHistoryTest.class.getClassLoader().getResource(SqliteDatabase.MIGRATIONS).toURI());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.list(scripts)) {
            for (String directory : List.of("db/", "db/migration/", SqliteDatabase.MIGRATIONS + "/")) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            for (Path script : files.sorted().toList()) {
                out.putNextEntry(new JarEntry(SqliteDatabase.MIGRATIONS + "/" + script.getFileName()));
                out.write(Files.readAllBytes(script));
                out.closeEntry();
            }
        }
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             URLClassLoader withSlash = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null) {
                 // the application class loader names a jar's directory entry with its slash
                 @Override
                 public Enumeration<URL> getResources(String name) throws IOException {
                     return Collections.enumeration(List.of(new URL("jar:" + jar.toUri() + "!/" + name + "/")));
                 }
             }) {
            assertThat(MigrationHistory.isCurrent(source, loader, SqliteDatabase.MIGRATIONS)).isTrue();
            assertThat(MigrationHistory.isCurrent(source, withSlash, SqliteDatabase.MIGRATIONS)).isTrue();
        }
    }

    @Test
    void a_changed_checksum_is_not_current_and_flyway_still_refuses_it() {
        Path file = dir.resolve("b.db");
        change(file, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");

        assertThat(current(file)).isFalse();
        assertThatThrownBy(() -> SqliteDatabase.open(SqliteSettings.of(file)))
                .isInstanceOf(StoreException.class).hasMessageContaining("checksum mismatch");
    }

    @Test
    void a_script_applied_by_a_newer_version_is_not_current_and_left_to_flyway() {
        Path file = dir.resolve("c.db");
        change(file, "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                + " installed_by, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                + " 'V99__from_the_future.sql', 1, 'x', 1, 1)");

        assertThat(current(file)).isFalse();
        // Flyway's rule, unchanged: a future script is ignored (ignoreMigrationPatterns *:future)
        SqliteDatabase.open(SqliteSettings.of(file)).close();
        assertThat(current(file)).isFalse();
    }

    @Test
    void a_failed_script_is_not_current() {
        Path file = dir.resolve("d.db");
        change(file, "UPDATE flyway_schema_history SET success = 0 WHERE version = '10'");

        assertThat(current(file)).isFalse();
    }
}
