package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.OverviewStoreContractTest;
import dev.accessgate.application.testkit.OverviewStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The overview contract on a real SQLite file. */
class SqliteOverviewStoreTest extends OverviewStoreContractTest {

    @TempDir
    static Path dir;
    private SqliteDatabase db;

    @Override
    protected OverviewStores newStores() {
        try {
            Path file = Files.createTempFile(dir, "overview", ".db");
            Files.delete(file);
            db = SqliteDatabase.open(SqliteSettings.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new OverviewStores(new SqlitePolicyStore(db), new SqliteDeliveryStore(db), new SqliteOverviewStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }
}
