package dev.accessgate.application.service;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.in.ReprocessEventUseCase;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.policy.EventId;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores an event and applies it in one step, so neither can exist without the other; reads
 * stored events back; processes again the ones that were stored unprocessed.
 */
public final class PolicyIngestService implements IngestPolicyEventUseCase, ReprocessEventUseCase, EventQueryUseCase {

    private final EventStore events;

    public PolicyIngestService(EventStore events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public IngestResult ingest(IngestPolicyEventCommand command) {
        return toResult(events.record(command.received(), command.processing()));
    }

    @Override
    public IngestResult reprocess(EventId id, Processing processing) {
        return toResult(events.reprocess(id, processing));
    }

    @Override
    public Optional<StoredEvent> find(EventId id) {
        return events.find(id);
    }

    @Override
    public EventPage list(EventQuery query) {
        return events.list(query);
    }

    @Override
    public long countUnprocessed() {
        return events.countUnprocessed();
    }

    private static IngestResult toResult(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Recorded recorded) {
            return new IngestResult.Accepted(recorded.eventId(), recorded.newlyBlocked());
        }
        if (outcome instanceof RecordOutcome.Duplicate duplicate) {
            return new IngestResult.AlreadyReceived(duplicate.eventId());
        }
        return new IngestResult.IdConflict(outcome.eventId());
    }
}
