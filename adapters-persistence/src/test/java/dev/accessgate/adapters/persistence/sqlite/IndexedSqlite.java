package dev.accessgate.adapters.persistence.sqlite;

import java.nio.file.Path;

/** A SQLite file opened with its in-memory index, as the app wires them, for the index tests. */
final class IndexedSqlite implements AutoCloseable {

    final SqliteDatabase db;
    final BlockIndex index;
    final SqlitePolicyStore store;
    final IndexedLedgerStore ledger;

    IndexedSqlite(Path file, long maxObjects) {
        db = SqliteDatabase.open(SqliteSettings.of(file));
        index = BlockIndex.start(db, maxObjects);
        store = new SqlitePolicyStore(db, index);
        ledger = new IndexedLedgerStore(store, index);
    }

    @Override
    public void close() {
        index.close();
        db.close();
    }
}
