package dev.accessgate.application.testkit;

/** The in-memory unit of work passes the same contract as every real adapter. */
class InMemoryUnitOfWorkTest extends UnitOfWorkContractTest {

    @Override
    protected UnitOfWorkStores newStores() {
        return UnitOfWorkStores.inMemory();
    }
}
