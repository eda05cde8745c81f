package dev.accessgate.adapters.persistence.postgres;

import dev.accessgate.adapters.persistence.sqlite.SecretSealer;
import dev.accessgate.adapters.persistence.sqlite.SqliteInstallationStore;
import dev.accessgate.application.testkit.InstallationStoreContractTest;
import dev.accessgate.application.testkit.InstallationStores;
import org.junit.jupiter.api.AfterAll;

/** The installation contract on PostgreSQL, with secrets encrypted at rest. */
class PostgresInstallationStoreTest extends InstallationStoreContractTest {

    private static final PostgresStores stores = new PostgresStores();

    @Override
    protected InstallationStores newStores() {
        return InstallationStores.of(new SqliteInstallationStore(stores.fresh(), SecretSealer.aesGcm(new byte[32])));
    }

    @AfterAll
    static void close() {
        stores.close();
    }
}
