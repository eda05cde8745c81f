package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.application.testkit.MigrationTransferStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite transfer store passes the same contract as the in-memory one. */
// tag::sqlite-contract[]
class SqliteMigrationTransferStoreTest extends MigrationTransferStoreContractTest {

    @TempDir
    static Path dir;

    private SqliteDatabase db;

    @Override
    protected MigrationTransferStore newStore() {
        db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("transfers-" + System.nanoTime() + ".db")));
        return new SqliteMigrationTransferStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }
}
// end::sqlite-contract[]
