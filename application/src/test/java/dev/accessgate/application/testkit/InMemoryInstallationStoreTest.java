package dev.accessgate.application.testkit;

/** The in-memory store passes the same installation contract as every real adapter. */
class InMemoryInstallationStoreTest extends InstallationStoreContractTest {

    @Override
    protected InstallationStores newStores() {
        return InstallationStores.of(new InMemoryInstallationStore());
    }
}
