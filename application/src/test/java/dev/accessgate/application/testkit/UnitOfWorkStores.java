package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.application.port.out.UnitOfWork;
import java.util.Objects;

/** A unit of work and two stores of the same storage that it spans, as its contract test needs them. */
public record UnitOfWorkStores(UnitOfWork unitOfWork, EventStore events, BlockLedgerStore ledger,
                               MigrationTransferStore transfers) {

    /** Checks that nothing is null. */
    public UnitOfWorkStores {
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(transfers, "transfers");
    }

    /** The in-memory stores with a unit of work that can undo them. */
    public static UnitOfWorkStores inMemory() {
        InMemoryPolicyStore policy = new InMemoryPolicyStore();
        InMemoryMigrationTransferStore transfers = new InMemoryMigrationTransferStore();
        return new UnitOfWorkStores(new InMemoryUnitOfWork(policy, transfers), policy, policy, transfers);
    }
}
