package dev.accessgate.application.testkit;

/** The in-memory stores pass the same retention contract as every real adapter. */
class InMemoryRetentionStoreTest extends RetentionStoreContractTest {

    @Override
    protected RetentionStores newStores() {
        return RetentionStores.inMemory();
    }
}
