package dev.accessgate.application.service;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.in.EventQueryUseCase;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.in.ReprocessEventUseCase;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.IngestObserver;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.policy.EventId;
import java.time.Duration;
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
    private final IngestObserver observer;

    /** Stores into {@code events}, with no subscriptions. */
    public PolicyIngestService(EventStore events) {
        this(events, SubscriptionRouter.none(), () -> { }, IngestObserver.NONE);
    }

    /** @param deliveriesCreated called after a commit that created pending deliveries (wakes the worker) */
    public PolicyIngestService(EventStore events, SubscriptionRouter router, Runnable deliveriesCreated) {
        this(events, router, deliveriesCreated, IngestObserver.NONE);
    }

    /**
     * @param deliveriesCreated called after a commit that created pending deliveries (wakes the worker)
     * @param observer          told about every event handled (metrics, log context)
     */
    public PolicyIngestService(EventStore events, SubscriptionRouter router, Runnable deliveriesCreated,
                               IngestObserver observer) {
        this.events = Objects.requireNonNull(events, "events");
        this.router = Objects.requireNonNull(router, "router");
        this.deliveriesCreated = Objects.requireNonNull(deliveriesCreated, "deliveriesCreated");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    @Override
    public IngestResult ingest(IngestPolicyEventCommand command) {
        ReceivedEvent received = command.received();
        try (ObservationScope scope = observer.handling(received, command.processing())) {
            long start = System.nanoTime();
            SubscriptionRouter.Routing routing = router.route(received);
            RecordOutcome outcome = events.record(received, command.processing(), routing.deliveries());
            observer.handled(received, command.processing(), outcome, Duration.ofNanos(System.nanoTime() - start));
            if (outcome instanceof RecordOutcome.Recorded) {
                router.reportFiltered(received, routing);
                if (routing.createsPending()) {
                    deliveriesCreated.run();
                }
            }
            return toResult(outcome);
        }
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
