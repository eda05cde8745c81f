package dev.accessgate.application.port.out;

import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import java.util.List;
import java.util.Optional;

/**
 * The transfers of app migrations, each kept as its distinct events; the state is what
 * {@link MigrationTransfer} derives from them, so every implementation agrees with the domain.
 */
public interface MigrationTransferStore {

    /**
     * Adds the event to its transfer as {@link MigrationTransfer#apply} does: an event whose key
     * is kept already changes nothing, unless it comes first in {@link MigrationTransfer#PRECEDENCE}.
     *
     * @throws IllegalArgumentException when the event names no transfer
     * @throws StoreException           when the store cannot commit (nothing changed then)
     */
    void add(MigrationEvent event);

    /** The transfer with this id, if any event named it. */
    Optional<MigrationTransfer> transfer(TransferId id);

    /** Up to {@code limit} transfers in {@link TransferId} order, strictly after {@code after}. */
    List<MigrationTransfer> transfers(Optional<TransferId> after, int limit);
}
