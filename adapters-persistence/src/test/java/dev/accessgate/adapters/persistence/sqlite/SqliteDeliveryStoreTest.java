package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.DeliveryStoreContractTest;
import dev.accessgate.application.testkit.DeliveryStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The delivery contract on a real SQLite file; "reopen" closes the file and opens it again. */
class SqliteDeliveryStoreTest extends DeliveryStoreContractTest {

    @TempDir
    static Path dir;
    private Path file;
    private SqliteDatabase db;

    @Override
    protected DeliveryStores newStores() {
        try {
            file = Files.createTempFile(dir, "deliveries", ".db");
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return open();
    }

    @Override
    protected DeliveryStores reopen() {
        db.close();
        return open();
    }

    private DeliveryStores open() {
        db = SqliteDatabase.open(SqliteSettings.of(file));
        return new DeliveryStores(new SqlitePolicyStore(db), new SqliteDeliveryStore(db));
    }

    @AfterEach
    void close() {
        db.close();
    }
}
