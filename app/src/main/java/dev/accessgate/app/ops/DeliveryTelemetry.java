package dev.accessgate.app.ops;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.RetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery runtime's metrics and log context, around the observer that logs
 * ({@code delegate}). Counters: {@code accessgate.delivery.attempts} (subscription, outcome),
 * {@code accessgate.delivery.retries} (reason of the retry scheduled),
 * {@code accessgate.delivery.dead} (subscription), {@code accessgate.filter.evaluations}
 * (subscription, decision) and {@code accessgate.filter.errors} (subscription). Subscription
 * names come from configuration, so their number is bounded.
 */
public final class DeliveryTelemetry implements DeliveryObserver {

    private final MeterRegistry registry;
    private final DeliveryObserver delegate;

    public DeliveryTelemetry(MeterRegistry registry, DeliveryObserver delegate) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ObservationScope attempting(ClaimedDelivery delivery) {
        StoredDelivery stored = delivery.stored();
        ObservationScope context = LogContext.delivery(stored.id().toString(), stored.eventId().value(),
                stored.subscription(), LogContext.workspaceOf(delivery.eventBody()));
        ObservationScope inner = delegate.attempting(delivery);
        return () -> {
            try {
                inner.close();
            } finally {
                context.close();
            }
        };
    }

    @Override
    public void attemptFinished(StoredDelivery before, AttemptResult result, Delivery after, boolean recorded) {
        if (recorded) {
            Counter.builder("accessgate.delivery.attempts")
                    .description("finished delivery attempts by outcome")
                    .tag("subscription", before.subscription())
                    .tag("outcome", outcomeOf(result))
                    .register(registry)
                    .increment();
            countTransition(before, result.retryReason(), after);
        }
        delegate.attemptFinished(before, result, after, recorded);
    }

    @Override
    public void recovered(StoredDelivery before, Delivery after) {
        countTransition(before, Optional.of(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR), after);
        try (ObservationScope scope = inContext(before)) {
            delegate.recovered(before, after);
        }
    }

    @Override
    public void replayed(StoredDelivery before, Delivery after) {
        try (ObservationScope scope = inContext(before)) {
            delegate.replayed(before, after);
        }
    }

    @Override
    public void filterEvaluated(ReceivedEvent event, String subscription, DeliveryFilter.Verdict verdict) {
        Counter.builder("accessgate.filter.evaluations")
                .description("filter expressions evaluated, by the decision taken")
                .tag("subscription", subscription)
                .tag("decision", verdict instanceof DeliveryFilter.Verdict.Drop ? "drop" : "deliver")
                .register(registry)
                .increment();
        if (verdict.error()) {
            Counter.builder("accessgate.filter.errors")
                    .description("filter evaluations that failed or gave no Boolean (onError decided)")
                    .tag("subscription", subscription)
                    .register(registry)
                    .increment();
        }
        delegate.filterEvaluated(event, subscription, verdict);
    }

    @Override
    public void filtered(ReceivedEvent event, String subscription, String reason) {
        delegate.filtered(event, subscription, reason);
    }

    @Override
    public void workerFailed(String what, RuntimeException cause) {
        delegate.workerFailed(what, cause);
    }

    private void countTransition(StoredDelivery before, Optional<RetryReason> reason, Delivery after) {
        if (after.state() == DeliveryState.RETRY_SCHEDULED) {
            Counter.builder("accessgate.delivery.retries")
                    .description("retries scheduled, by the reason the next attempt carries")
                    .tag("reason", reason.map(Enum::name).orElse("none"))
                    .register(registry)
                    .increment();
        } else if (after.state() == DeliveryState.DEAD) {
            Counter.builder("accessgate.delivery.dead")
                    .description("deliveries that ran out of attempts (dead letters; replayable)")
                    .tag("subscription", before.subscription())
                    .register(registry)
                    .increment();
        }
    }

    private static ObservationScope inContext(StoredDelivery delivery) {
        return LogContext.delivery(delivery.id().toString(), delivery.eventId().value(), delivery.subscription(),
                Optional.empty());
    }

    private static String outcomeOf(AttemptResult result) {
        if (result instanceof AttemptResult.Succeeded) {
            return "succeeded";
        }
        if (result instanceof AttemptResult.RetryRequested) {
            return "retry_requested";
        }
        return result instanceof AttemptResult.PermanentFailure ? "permanent_failure" : "failed";
    }
}
