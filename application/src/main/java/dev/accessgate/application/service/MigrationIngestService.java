package dev.accessgate.application.service;

import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.port.in.QueryMigrationTransfersUseCase;
import dev.accessgate.application.port.in.ReceiveMigrationEventCommand;
import dev.accessgate.application.port.in.ReceiveMigrationEventUseCase;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.IngestObserver;
import dev.accessgate.application.port.out.MigrationTransferStore;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.application.port.out.UnitOfWork;
import dev.accessgate.domain.migration.MigrationDetails;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationTransfer;
import dev.accessgate.domain.migration.TransferId;
import dev.accessgate.domain.policy.EventId;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Stores a migration event in the event store and adds it to its transfer in one unit of work,
 * so neither exists without the other. In the event store it is:
 * <ul>
 *   <li>id {@code migration:<key>} (the messageId, or {@code sha256:<digest of the body>});</li>
 *   <li>type {@code migration:<eventType>}, which subscriptions match (for example {@code migration:*});</li>
 *   <li>time and receivedAt: when it was received (the platform sends no event time);</li>
 *   <li>source: the {@code cloudUrl} of its migration details, else {@value #DEFAULT_SOURCE};</li>
 *   <li>processing {@link Processing.Stored}: it changes no access policy state.</li>
 * </ul>
 * Its deliveries to matching subscriptions are created in the same unit of work. A second
 * delivery (same id and body) is found by the event store and changes nothing.
 */
public final class MigrationIngestService implements ReceiveMigrationEventUseCase, QueryMigrationTransfersUseCase {

    /** Prefix of the id a migration event is stored under (then its message id). */
    public static final String ID_PREFIX = "migration:";
    /** Prefix of the type a migration event is stored under (then its event type). */
    public static final String TYPE_PREFIX = "migration:";
    /** The source a stored migration event names. */
    public static final String DEFAULT_SOURCE = "urn:atlassian:app-migration";

    private final EventStore events;
    private final MigrationTransferStore transfers;
    private final UnitOfWork unitOfWork;
    private final SubscriptionRouter router;
    private final Runnable deliveriesCreated;
    private final IngestObserver observer;

    /** Stores into {@code events} and {@code transfers} in one unit of work, with no subscriptions. */
    public MigrationIngestService(EventStore events, MigrationTransferStore transfers, UnitOfWork unitOfWork) {
        this(events, transfers, unitOfWork, SubscriptionRouter.none(), () -> { });
    }

    /**
     * @param router            the subscriptions a migration event may be delivered to ({@code migration:*})
     * @param deliveriesCreated called after a commit that created pending deliveries (wakes the worker)
     */
    public MigrationIngestService(EventStore events, MigrationTransferStore transfers, UnitOfWork unitOfWork,
                                  SubscriptionRouter router, Runnable deliveriesCreated) {
        this(events, transfers, unitOfWork, router, deliveriesCreated, IngestObserver.NONE);
    }

    /**
     * @param router            the subscriptions a migration event may be delivered to ({@code migration:*})
     * @param deliveriesCreated called after a commit that created pending deliveries (wakes the worker)
     * @param observer          told about every event handled (metrics, log context)
     */
    public MigrationIngestService(EventStore events, MigrationTransferStore transfers, UnitOfWork unitOfWork,
                                  SubscriptionRouter router, Runnable deliveriesCreated, IngestObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.events = Objects.requireNonNull(events, "events");
        this.transfers = Objects.requireNonNull(transfers, "transfers");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
        this.router = Objects.requireNonNull(router, "router");
        this.deliveriesCreated = Objects.requireNonNull(deliveriesCreated, "deliveriesCreated");
    }

    /** The id a migration event is stored under in the event store. */
    public static EventId eventId(MigrationEvent event) {
        return new EventId(ID_PREFIX + event.key());
    }

    @Override
    public Result receive(ReceiveMigrationEventCommand command) {
        MigrationEvent event = command.event();
        ReceivedEvent received = new ReceivedEvent(eventId(event), TYPE_PREFIX + event.type().name(), source(event),
                event.receivedAt(), event.receivedAt(), "plain", command.body(), event.fingerprint());
        Processing processing = new Processing.Stored(detail(event));
        try (ObservationScope scope = observer.handling(received, processing)) {
            long start = System.nanoTime();
            RecordOutcome outcome = record(event, received, processing);
            observer.handled(received, processing, outcome, Duration.ofNanos(System.nanoTime() - start));
            if (outcome instanceof RecordOutcome.Recorded) {
                return new Result.Stored(received.id());
            }
            if (outcome instanceof RecordOutcome.Duplicate) {
                return new Result.Duplicate(received.id());
            }
            return new Result.Conflict(received.id());
        }
    }

    private RecordOutcome record(MigrationEvent event, ReceivedEvent received, Processing processing) {
        SubscriptionRouter.Routing routing = router.route(received);
        RecordOutcome outcome = unitOfWork.atomically(() -> {
            RecordOutcome recorded = events.record(received, processing, routing.deliveries());
            if (recorded instanceof RecordOutcome.Recorded && event.transferId().isPresent()) {
                transfers.add(event);
            }
            return recorded;
        });
        if (outcome instanceof RecordOutcome.Recorded) {
            router.reportFiltered(received, routing);
            if (routing.createsPending()) {
                deliveriesCreated.run();
            }
        }
        return outcome;
    }

    private static String source(MigrationEvent event) {
        return event.details().flatMap(MigrationDetails::cloudUrl).orElse(DEFAULT_SOURCE);
    }

    private static String detail(MigrationEvent event) {
        String transfer = event.transferId().map(id -> " of transfer " + id).orElse(" of no transfer");
        return (event.type().isKnown() ? "migration event" : "migration event of a type this version does not know")
                + transfer;
    }

    @Override
    public Optional<MigrationTransfer> transfer(TransferId id) {
        return transfers.transfer(id);
    }

    @Override
    public List<MigrationTransfer> transfers(Optional<TransferId> after, int limit) {
        return transfers.transfers(after, limit);
    }
}
