package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.jdbc.Database;
import dev.accessgate.adapters.persistence.sqlite.SqliteMigrationTransferStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteUnitOfWork;
import dev.accessgate.application.testkit.UnitOfWorkContractTest;
import dev.accessgate.application.testkit.UnitOfWorkStores;
import org.junit.jupiter.api.AfterAll;

/** The unit-of-work contract on PostgreSQL: the event store and the transfer store commit together, or not at all. */
class PostgresUnitOfWorkTest extends UnitOfWorkContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected UnitOfWorkStores newStores() {
        Database db = stores.fresh();
        SqlitePolicyStore events = new SqlitePolicyStore(db);
        return new UnitOfWorkStores(new SqliteUnitOfWork(db), events, events, new SqliteMigrationTransferStore(db));
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
