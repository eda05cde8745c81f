package dev.accessgate.application.port.out;

import dev.accessgate.application.model.StoredEvent;
import java.util.List;
import java.util.Optional;

/** One page of stored events in arrival order, and where the next page starts if there is one. */
public record EventPage(List<StoredEvent> events, Optional<Long> next) {

    public EventPage {
        events = List.copyOf(events);
    }
}
