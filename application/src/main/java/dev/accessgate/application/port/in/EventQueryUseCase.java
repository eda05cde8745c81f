package dev.accessgate.application.port.in;

import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.domain.policy.EventId;
import java.util.Optional;

/** Look at what was received and how it was processed. */
public interface EventQueryUseCase {

    /** The stored event with this id, if there is one. */
    Optional<StoredEvent> find(EventId id);

    /** A page of stored events in arrival order. */
    EventPage list(EventQuery query);

    /** How many stored events are unprocessed. */
    long countUnprocessed();
}
