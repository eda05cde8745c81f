package dev.accessgate.application.port.out;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.domain.policy.EventId;
import java.util.Optional;

/** Durable store of received events and, in the same transaction, their effect on the ledger. */
public interface EventStore {

    /**
     * Stores the event and applies its processing atomically: after a crash either both are
     * there or neither is. An id already stored changes nothing.
     *
     * @throws StoreException when the store cannot commit (nothing was stored then)
     */
    RecordOutcome record(ReceivedEvent event, Processing processing);

    Optional<StoredEvent> find(EventId id);

    /** Stored events in arrival order. */
    EventPage list(EventQuery query);

    /** How many stored events are {@link StoredEvent.Status#UNPROCESSED}. */
    long countUnprocessed();

    /**
     * Processes again an event stored {@link StoredEvent.Status#UNPROCESSED}: stores its new
     * status and applies its effect atomically. An event that is not (or no longer)
     * unprocessed is left alone and reported as a {@link RecordOutcome.Duplicate}.
     */
    RecordOutcome reprocess(EventId id, Processing processing);
}
