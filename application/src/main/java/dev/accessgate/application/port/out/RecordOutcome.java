package dev.accessgate.application.port.out;

import dev.accessgate.domain.policy.EventId;

/** What {@link EventStore#record} did. */
public sealed interface RecordOutcome {

    /** The event's id. */
    EventId eventId();

    /** Stored now; {@code newlyBlocked} objects or containers were not blocked before. */
    record Recorded(EventId eventId, int newlyBlocked) implements RecordOutcome {
    }

    /** The same event (same id and fingerprint) was stored before; nothing changed. */
    record Duplicate(EventId eventId) implements RecordOutcome {
    }

    /** A different event was stored under this id before; nothing changed. */
    record Conflict(EventId eventId) implements RecordOutcome {
    }
}
