package dev.accessgate.app;

import dev.accessgate.adapters.persistence.sqlite.BlockIndex;
import java.util.Optional;

/**
 * The in-memory index of blocked objects, when there is one: SQLite only (on PostgreSQL other
 * instances write too) and {@code ACCESSGATE_INDEX_MAX_OBJECTS} above 0.
 */
record LedgerIndex(Optional<BlockIndex> index) implements AutoCloseable {

    @Override
    public void close() {
        index.ifPresent(BlockIndex::close);
    }
}
