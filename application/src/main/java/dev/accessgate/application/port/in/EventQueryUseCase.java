package dev.accessgate.application.port.in;

import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.domain.policy.EventId;
import java.util.Optional;

/** Look at what was received and how it was processed. */
public interface EventQueryUseCase {

    Optional<StoredEvent> find(EventId id);

    EventPage list(EventQuery query);

    long countUnprocessed();
}
