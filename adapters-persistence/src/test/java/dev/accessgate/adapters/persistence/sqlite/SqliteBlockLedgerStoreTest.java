package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.BlockLedgerStoreContractTest;
import dev.accessgate.application.testkit.PolicyStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteBlockLedgerStoreTest extends BlockLedgerStoreContractTest {

    @TempDir
    static Path dir;
    private SqliteStores stores;

    @Override
    protected PolicyStores newStores() {
        stores = new SqliteStores(dir);
        return stores.fresh();
    }

    @AfterEach
    void close() {
        stores.closeAll();
    }
}
