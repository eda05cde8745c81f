package dev.accessgate.application.port.in;

import dev.accessgate.domain.policy.EventId;

/** The answer to an ingest. */
public sealed interface IngestResult {

    /** The event's id. */
    EventId eventId();

    /** Stored and applied now. */
    record Accepted(EventId eventId, int newlyBlocked) implements IngestResult {
    }

    /** Seen before: acknowledged again, nothing changed. */
    record AlreadyReceived(EventId eventId) implements IngestResult {
    }

    /** The id belongs to a different event stored earlier: refused, nothing changed. */
    record IdConflict(EventId eventId) implements IngestResult {
    }
}
