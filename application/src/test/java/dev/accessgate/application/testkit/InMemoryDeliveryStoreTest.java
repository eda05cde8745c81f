package dev.accessgate.application.testkit;

/** The in-memory delivery store passes the same contract as every real adapter. */
class InMemoryDeliveryStoreTest extends DeliveryStoreContractTest {

    @Override
    protected DeliveryStores newStores() {
        return DeliveryStores.inMemory();
    }
}
