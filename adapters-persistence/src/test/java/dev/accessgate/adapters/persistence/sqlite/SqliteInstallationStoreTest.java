package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.InstallationStoreContractTest;
import dev.accessgate.application.testkit.InstallationStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite installation store passes the contract, with secrets encrypted at rest. */
class SqliteInstallationStoreTest extends InstallationStoreContractTest {

    @TempDir
    static Path dir;
    private final List<SqliteDatabase> opened = new ArrayList<>();

    @Override
    protected InstallationStores newStores() {
        try {
            Path file = Files.createTempFile(dir, "installations", ".db");
            Files.delete(file);
            SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(file));
            opened.add(db);
            return InstallationStores.of(new SqliteInstallationStore(db, SecretSealer.aesGcm(new byte[32])));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        opened.forEach(SqliteDatabase::close);
        opened.clear();
    }
}
