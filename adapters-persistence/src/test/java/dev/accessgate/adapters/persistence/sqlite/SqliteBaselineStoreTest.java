package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.BaselineStoreContractTest;
import dev.accessgate.application.testkit.BaselineStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteBaselineStoreTest extends BaselineStoreContractTest {

    @TempDir
    static Path dir;
    private SqliteStores stores;

    @Override
    protected BaselineStores newStores() {
        stores = new SqliteStores(dir);
        return stores.freshWithBaselines();
    }

    @AfterEach
    void close() {
        stores.closeAll();
    }
}
