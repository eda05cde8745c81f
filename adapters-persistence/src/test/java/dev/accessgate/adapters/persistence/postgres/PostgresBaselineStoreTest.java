package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.application.testkit.BaselineStoreContractTest;
import dev.accessgate.application.testkit.BaselineStores;
import org.junit.jupiter.api.AfterAll;

class PostgresBaselineStoreTest extends BaselineStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected BaselineStores newStores() {
        return BaselineStores.of(new SqlitePolicyStore(stores.fresh()));
    }

    /** Half the examples: each one is dozens of round trips to the server, where SQLite's are calls. */
    @Override
    protected int examples() {
        return 30;
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
