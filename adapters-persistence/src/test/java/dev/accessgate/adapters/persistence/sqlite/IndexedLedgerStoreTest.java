package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.testkit.BlockLedgerStoreContractTest;
import dev.accessgate.application.testkit.PolicyStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The ledger contract on the indexed store: every workspace of it is answered from memory once built. */
class IndexedLedgerStoreTest extends BlockLedgerStoreContractTest {

    @TempDir
    static Path dir;
    private IndexedSqlite opened;

    @Override
    protected PolicyStores newStores() {
        try {
            Path file = Files.createTempFile(dir, "indexed", ".db");
            Files.delete(file);
            opened = new IndexedSqlite(file, 1_000_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Built before the first write, so new workspaces get their table at once.
        opened.index.awaitBuilt(Duration.ofSeconds(30));
        return new PolicyStores(opened.store, opened.ledger);
    }

    @AfterEach
    void close() {
        opened.close();
    }
}
