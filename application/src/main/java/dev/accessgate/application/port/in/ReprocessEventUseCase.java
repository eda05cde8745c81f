package dev.accessgate.application.port.in;

import dev.accessgate.application.model.Processing;
import dev.accessgate.domain.policy.EventId;

/**
 * Process again an event that was stored unprocessed, now that it can be understood (its
 * site was mapped to a workspace, or this version knows its type).
 */
public interface ReprocessEventUseCase {

    /** {@code Accepted} when it was applied now; {@code AlreadyReceived} when it was no longer unprocessed. */
    IngestResult reprocess(EventId id, Processing processing);
}
