package dev.accessgate.application.port.in;

import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import java.util.List;
import java.util.Optional;

/** The state of transfers, as their migration events describe it. */
public interface QueryMigrationTransfersUseCase {

    /** The transfer with this id, if any event named it. */
    Optional<MigrationTransfer> transfer(TransferId id);

    /** Up to {@code limit} transfers in {@link TransferId} order, strictly after {@code after}. */
    List<MigrationTransfer> transfers(Optional<TransferId> after, int limit);
}
