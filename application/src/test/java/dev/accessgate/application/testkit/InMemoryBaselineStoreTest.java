package dev.accessgate.application.testkit;

/** The in-memory store passes the same baseline contract as every real adapter. */
class InMemoryBaselineStoreTest extends BaselineStoreContractTest {

    @Override
    protected BaselineStores newStores() {
        return BaselineStores.of(new InMemoryPolicyStore());
    }
}
