package dev.accessgate.application.testkit;

/** The in-memory store passes the same event store contract as every real adapter. */
class InMemoryEventStoreTest extends EventStoreContractTest {

    @Override
    protected PolicyStores newStores() {
        return PolicyStores.of(new InMemoryPolicyStore());
    }
}
