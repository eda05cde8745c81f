package dev.accessgate.application.service;

import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.RecordOutcome;
import java.util.Objects;

/** Stores a policy event and applies it in one step, so neither can exist without the other. */
public final class PolicyIngestService implements IngestPolicyEventUseCase {

    private final EventStore events;

    public PolicyIngestService(EventStore events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public IngestResult ingest(IngestPolicyEventCommand command) {
        RecordOutcome outcome = events.record(command.received(), command.processing());
        if (outcome instanceof RecordOutcome.Recorded recorded) {
            return new IngestResult.Accepted(recorded.eventId(), recorded.newlyBlocked());
        }
        if (outcome instanceof RecordOutcome.Duplicate duplicate) {
            return new IngestResult.AlreadyReceived(duplicate.eventId());
        }
        return new IngestResult.IdConflict(outcome.eventId());
    }
}
