package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Transfers in memory: the domain's {@link MigrationTransfer} per transfer id. */
// tag::in-memory-store[]
public final class InMemoryMigrationTransferStore implements MigrationTransferStore, InMemoryUnitOfWork.Participant {

    private final TreeMap<TransferId, MigrationTransfer> transfers = new TreeMap<>();

    @Override
    public synchronized void add(MigrationEvent event) {
        TransferId id = event.transferId()
                .orElseThrow(() -> new IllegalArgumentException("the event names no transfer"));
        transfers.put(id, transfers.getOrDefault(id, MigrationTransfer.empty(id)).apply(event));
    }

    @Override
    public synchronized Runnable checkpoint() {
        TreeMap<TransferId, MigrationTransfer> before = new TreeMap<>(transfers);
        return () -> {
            synchronized (this) {
                transfers.clear();
                transfers.putAll(before);
            }
        };
    }

    @Override
    public synchronized Optional<MigrationTransfer> transfer(TransferId id) {
        return Optional.ofNullable(transfers.get(id));
    }

    @Override
    public synchronized List<MigrationTransfer> transfers(Optional<TransferId> after, int limit) {
        return (after.isPresent() ? transfers.tailMap(after.get(), false) : transfers).values().stream()
                .limit(limit).toList();
    }
}
// end::in-memory-store[]
