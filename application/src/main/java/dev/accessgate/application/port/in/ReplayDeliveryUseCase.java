package dev.accessgate.application.port.in;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.StoredDelivery;

/** An operator replays a dead delivery: pending again at once, with a fresh budget of 5 attempts. */
public interface ReplayDeliveryUseCase {

    /** Replays a dead delivery: it is due again at once, with a new attempt budget. */
    Result replay(DeliveryId id);

    /** How a replay went. */
    sealed interface Result {

        /** Pending again; {@code delivery} is its new state. */
        record Replayed(StoredDelivery delivery) implements Result {
        }

        /**
         * No delivery has this id.
         * @param id the id asked for
         */
        record NotFound(DeliveryId id) implements Result {
        }

        /** Only dead deliveries can be replayed; {@code delivery} is as it stands. */
        record NotDead(StoredDelivery delivery) implements Result {
        }
    }
}
