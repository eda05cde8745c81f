package dev.accessgate.application.service;

import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestPolicyEventUseCase;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.domain.delivery.DeliveryState;
import java.util.List;
import java.util.Objects;

/**
 * Stores a policy event, applies it and creates its deliveries in one step, so none can exist
 * without the others. Handlers run later (see {@link DeliveryWorker}); ingest only wakes it.
 */
public final class PolicyIngestService implements IngestPolicyEventUseCase {

    private final EventStore events;
    private final SubscriptionRouter router;
    private final Runnable deliveriesCreated;

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
        if (outcome instanceof RecordOutcome.Recorded recorded) {
            router.reportFiltered(command.received(), routing);
            if (deliveries.stream().anyMatch(d -> d.delivery().state() == DeliveryState.PENDING)) {
                deliveriesCreated.run();
            }
            return new IngestResult.Accepted(recorded.eventId(), recorded.newlyBlocked());
        }
        if (outcome instanceof RecordOutcome.Duplicate duplicate) {
            return new IngestResult.AlreadyReceived(duplicate.eventId());
        }
        return new IngestResult.IdConflict(outcome.eventId());
    }
}
