package dev.accessgate.application.port.out;

import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.domain.policy.EventId;
import java.util.List;
import java.util.Optional;

/** Durable store of received events and, in the same transaction, their effect on the ledger. */
public interface EventStore {

    /**
     * Stores the event and applies its processing atomically: after a crash either both are
     * there or neither is. An id already stored changes nothing.
     *
     * @throws StoreException when the store cannot commit (nothing was stored then)
     */
    default RecordOutcome record(ReceivedEvent event, Processing processing) {
        return record(event, processing, List.of());
    }

    /**
     * As {@link #record(ReceivedEvent, Processing)}, and creates {@code deliveries} for the event
     * in the same transaction; when the event was stored before (duplicate or conflict) no
     * delivery is created.
     */
    RecordOutcome record(ReceivedEvent event, Processing processing, List<NewDelivery> deliveries);

    /** The stored event with this id, if there is one. */
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
