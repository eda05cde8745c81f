package dev.accessgate.application.testkit;

/** The overview contract on the in-memory stores. */
class InMemoryOverviewStoreTest extends OverviewStoreContractTest {

    @Override
    protected OverviewStores newStores() {
        return OverviewStores.inMemory();
    }
}
