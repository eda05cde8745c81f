package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.sqlite.SqliteDeliveryStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.application.testkit.DeliveryStoreContractTest;
import dev.accessgate.application.testkit.DeliveryStores;
import org.junit.jupiter.api.AfterAll;

/** The delivery contract on PostgreSQL; "reopen" closes the pool and connects again. */
class PostgresDeliveryStoreTest extends DeliveryStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();
    @Override
    protected DeliveryStores newStores() {
        return of(stores.fresh());
    }

    @Override
    protected DeliveryStores reopen() {
        return of(stores.reopen());
    }

    private static DeliveryStores of(PostgresDatabase db) {
        return new DeliveryStores(new SqlitePolicyStore(db), new SqliteDeliveryStore(db));
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
