package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteDeliveryStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteOverviewStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.application.testkit.OverviewStoreContractTest;
import dev.accessgate.application.testkit.OverviewStores;
import org.junit.jupiter.api.AfterAll;

/** The overview contract on PostgreSQL. */
class PostgresOverviewStoreTest extends OverviewStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected OverviewStores newStores() {
        Database db = stores.fresh();
        return new OverviewStores(new SqlitePolicyStore(db), new SqliteDeliveryStore(db), new SqliteOverviewStore(db));
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
