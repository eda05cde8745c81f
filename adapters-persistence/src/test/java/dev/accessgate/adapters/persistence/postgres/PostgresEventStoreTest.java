package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.application.testkit.EventStoreContractTest;
import dev.accessgate.application.testkit.PolicyStores;
import org.junit.jupiter.api.AfterAll;

class PostgresEventStoreTest extends EventStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected PolicyStores newStores() {
        return PolicyStores.of(new SqlitePolicyStore(stores.fresh()));
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
