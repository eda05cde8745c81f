package dev.accessgate.application.testkit;

/** The in-memory store passes the same ledger contract as every real adapter. */
class InMemoryBlockLedgerStoreTest extends BlockLedgerStoreContractTest {

    @Override
    protected PolicyStores newStores() {
        return PolicyStores.of(new InMemoryPolicyStore());
    }
}
