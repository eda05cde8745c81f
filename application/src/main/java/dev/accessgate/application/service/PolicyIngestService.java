package dev.accessgate.application.service;

import dev.accessgate.application.model.NewDelivery;
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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores an event, applies it and creates its deliveries in one step, so none can exist
 * without the others. Handlers run later (see {@link DeliveryWorker}); ingest only wakes it.
 * Also reads stored events back and processes again the ones stored unprocessed.
 */
public final class PolicyIngestService implements IngestPolicyEventUseCase, ReprocessEventUseCase, EventQueryUseCase {

    private final EventStore events;
    private final SubscriptionRouter router;
    private final Runnable deliveriesCreated;

    /** Stores into {@code events}, with no subscriptions. */
    public PolicyIngestService(EventStore events) {
        this(events, SubscriptionRouter.none(), () -> { });
    }

    /** @param deliveriesCreated called after a commit that created pending deliveries (wakes the worker) */
    public PolicyIngestService(EventStore events, SubscriptionRouter router, Runnable deliveriesCreated) {
        this.events = Objects.requireNonNull(events, "events");
        this.router = Objects.requireNonNull(router, "router");
        this.deliveriesCreated = Objects.requireNonNull(deliveriesCreated, "deliveriesCreated");
    }

    @Override
    public IngestResult ingest(IngestPolicyEventCommand command) {
        SubscriptionRouter.Routing routing = router.route(command.received());
        List<NewDelivery> deliveries = routing.deliveries();
        RecordOutcome outcome = events.record(command.received(), command.processing(), deliveries);
        if (outcome instanceof RecordOutcome.Recorded) {
            router.reportFiltered(command.received(), routing);
            if (routing.createsPending()) {
                deliveriesCreated.run();
            }
        }
        return toResult(outcome);
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
