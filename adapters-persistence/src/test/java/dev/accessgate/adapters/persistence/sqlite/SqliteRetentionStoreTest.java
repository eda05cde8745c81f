package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.RetentionStoreContractTest;
import dev.accessgate.application.testkit.RetentionStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The retention contract on a real SQLite file. */
class SqliteRetentionStoreTest extends RetentionStoreContractTest {

    @TempDir
    static Path dir;
    private SqliteDatabase db;

    @Override
    protected RetentionStores newStores() {
        try {
            Path file = Files.createTempFile(dir, "retention", ".db");
            Files.delete(file);
            db = SqliteDatabase.open(SqliteSettings.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SqlitePolicyStore store = new SqlitePolicyStore(db);
        return new RetentionStores(store, new SqliteDeliveryStore(db), store, new SqliteRetentionStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }
}
