package dev.accessgate.application.port.out;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.RetryContext;
import dev.accessgate.domain.policy.EventId;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs one attempt of a delivery against a subscription's handler and says how it ended.
 * Two kinds exist: HTTP (an adapter) and in-process ({@link EventHandler} behind
 * {@code InProcessDeliveryChannel}). A channel never throws for a handler's failure: it maps
 * it to an {@link AttemptResult} (timeouts, rate limits, errors); anything it does throw is
 * counted as an unknown error.
 */
public interface DeliveryChannel {

    /** Runs one attempt; never throws for a handler's failure (see the type's comment). */
    AttemptResult deliver(Invocation invocation);

    /**
     * One attempt's input.
     *
     * @param eventJson    the event as stored (the whole CloudEvent for structured mode)
     * @param retryContext present on retries: what the attempt before asked for or ran into
     */
    record Invocation(DeliveryId deliveryId, EventId eventId, String eventType, String subscription,
                      String eventJson, Optional<RetryContext> retryContext) {
        public Invocation {
            Objects.requireNonNull(deliveryId, "deliveryId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(eventType, "eventType");
            Objects.requireNonNull(subscription, "subscription");
            Objects.requireNonNull(eventJson, "eventJson");
            Objects.requireNonNull(retryContext, "retryContext");
        }
    }
}
