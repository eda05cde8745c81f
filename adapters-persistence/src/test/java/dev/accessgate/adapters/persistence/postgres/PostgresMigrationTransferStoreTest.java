package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.sqlite.SqliteMigrationTransferStore;
import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.application.testkit.MigrationTransferStoreContractTest;
import org.junit.jupiter.api.AfterAll;

class PostgresMigrationTransferStoreTest extends MigrationTransferStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected MigrationTransferStore newStore() {
        return new SqliteMigrationTransferStore(stores.fresh());
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
