package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteDeliveryStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteRetentionStore;
import dev.accessgate.application.testkit.RetentionStoreContractTest;
import dev.accessgate.application.testkit.RetentionStores;
import org.junit.jupiter.api.AfterAll;

/** The retention contract on PostgreSQL. */
class PostgresRetentionStoreTest extends RetentionStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected RetentionStores newStores() {
        Database db = stores.fresh();
        SqlitePolicyStore store = new SqlitePolicyStore(db);
        return new RetentionStores(store, new SqliteDeliveryStore(db), store, new SqliteRetentionStore(db));
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
