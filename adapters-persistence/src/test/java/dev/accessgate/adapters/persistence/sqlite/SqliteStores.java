package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.BaselineStores;
import dev.accessgate.application.testkit.PolicyStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fresh SQLite files for tests, closed and deleted by {@link #closeAll()}. */
final class SqliteStores {

    private final List<SqliteDatabase> opened = new ArrayList<>();
    private final Path dir;

    SqliteStores(Path dir) {
        this.dir = dir;
    }

    PolicyStores fresh() {
        return PolicyStores.of(freshStore());
    }

    BaselineStores freshWithBaselines() {
        return BaselineStores.of(freshStore());
    }

    private SqlitePolicyStore freshStore() {
        try {
            Path file = Files.createTempFile(dir, "store", ".db");
            Files.delete(file);
            SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file));
            opened.add(db);
            return new SqlitePolicyStore(db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void closeAll() {
        opened.forEach(SqliteDatabase::close);
        opened.clear();
    }
}
