package dev.accessgate.application.port.out;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;

/**
 * What the delivery runtime reports as it works: the log and the metrics of the service.
 * Implementations get ids, names, states and reasons, never event payloads or retryData.
 * Must not throw.
 */
public interface DeliveryObserver {

    /** Reports nothing. */
    DeliveryObserver NONE = new DeliveryObserver() {
    };

    /**
     * An attempt of {@code delivery} is about to run on this thread; the scope closes once its
     * result is recorded (a log context naming the delivery, its event and workspace).
     */
    default ObservationScope attempting(ClaimedDelivery delivery) {
        return ObservationScope.NONE;
    }

    /**
     * An attempt ended with {@code result}; {@code after} is the delivery's new state. When
     * {@code recorded} is false the delivery had changed meanwhile (its lease expired and it was
     * recovered) and the result was not stored.
     */
    default void attemptFinished(StoredDelivery before, AttemptResult result, Delivery after, boolean recorded) {
    }

    /** A subscription's filter decided on an event (before it is known to be new). */
    default void filterEvaluated(ReceivedEvent event, String subscription, DeliveryFilter.Verdict verdict) {
    }

    /** A filter dropped the event for a subscription and asked for it to be logged. */
    default void filtered(ReceivedEvent event, String subscription, String reason) {
    }

    /** An attempt left IN_FLIGHT past its lease (a crash, a stop) was ended as an unknown error. */
    default void recovered(StoredDelivery before, Delivery after) {
    }

    /** An operator replayed a dead delivery. */
    default void replayed(StoredDelivery before, Delivery after) {
    }

    /** The worker could not reach the store; it tries again later. */
    default void workerFailed(String what, RuntimeException cause) {
    }
}
