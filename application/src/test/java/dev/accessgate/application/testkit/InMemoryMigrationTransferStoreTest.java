package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.MigrationTransferStore;

/** The in-memory store passes the migration transfer store contract. */
// tag::in-memory-contract[]
class InMemoryMigrationTransferStoreTest extends MigrationTransferStoreContractTest {

    @Override
    protected MigrationTransferStore newStore() {
        return new InMemoryMigrationTransferStore();
    }
}
// end::in-memory-contract[]
