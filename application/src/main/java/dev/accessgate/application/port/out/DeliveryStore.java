package dev.accessgate.application.port.out;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.policy.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The durable delivery schedule. Deliveries are created by {@link EventStore#record} together
 * with their event; from then on they change only through this port, always by a transition of
 * the domain's {@link Delivery}. Every method may throw {@link StoreException}.
 *
 * <p>A claim or an update may share its transaction and commit with other writes made at the same
 * time (SQLite's group commit), but returns only once it is durable: the worker calls a handler
 * only for a claim that would survive a crash.
 */
public interface DeliveryStore {

    /**
     * Atomically starts up to {@code limit} deliveries that are due at {@code now} (PENDING or
     * RETRY_SCHEDULED with due time not after {@code now}), earliest due first, and leases them
     * until {@code leaseUntil}. A delivery is never returned before its due time, and never to
     * two callers: once claimed it is IN_FLIGHT.
     */
    List<ClaimedDelivery> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Replaces the delivery of {@code before} by {@code after}, if nothing changed it since
     * {@code before} was read (same version). Returns false, changing nothing, otherwise.
     * A delivery that stays IN_FLIGHT keeps its lease; any other state has none.
     */
    boolean update(StoredDelivery before, Delivery after);

    /** IN_FLIGHT deliveries whose lease ended at or before {@code now}: their attempt was lost. */
    List<StoredDelivery> expiredLeases(Instant now, int limit);

    /** The earliest due time of a waiting delivery or lease end of a running one; empty when none. */
    Optional<Instant> nextWakeUp();

    /** The delivery with this id, if there is one. */
    Optional<StoredDelivery> find(DeliveryId id);

    /**
     * Deliveries in creation order, strictly after {@code afterSeq} (0 for the first page), in
     * any of {@code states} (all states when empty), at most {@code limit}.
     */
    List<StoredDelivery> list(Set<DeliveryState> states, long afterSeq, int limit);

    /** The deliveries of one event, in creation order. */
    List<StoredDelivery> ofEvent(EventId eventId);
}
