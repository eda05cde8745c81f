package dev.accessgate.application.service;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.in.ListDeliveriesUseCase;
import dev.accessgate.application.port.in.ReplayDeliveryUseCase;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.policy.EventId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The operator's side of the delivery schedule: list, look up, replay. */
public final class DeliveryAdminService implements ListDeliveriesUseCase, ReplayDeliveryUseCase {

    /** A replay that loses a race with another change is tried again this often. */
    private static final int REPLAY_TRIES = 3;

    private final DeliveryStore store;
    private final Clock clock;
    private final DeliveryObserver observer;
    private final Runnable replayed;

    /** @param replayed called after a replay is stored (wakes the worker) */
    public DeliveryAdminService(DeliveryStore store, Clock clock, DeliveryObserver observer, Runnable replayed) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.replayed = Objects.requireNonNull(replayed, "replayed");
    }

    @Override
    public Page list(Query query) {
        // One more than asked tells whether another page exists.
        List<StoredDelivery> found = store.list(query.states(), query.afterSeq(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new Page(found, OptionalLong.empty());
        }
        List<StoredDelivery> page = found.subList(0, query.limit());
        return new Page(page, OptionalLong.of(page.get(page.size() - 1).seq()));
    }

    @Override
    public Optional<StoredDelivery> find(DeliveryId id) {
        return store.find(id);
    }

    @Override
    public List<StoredDelivery> ofEvent(EventId eventId) {
        return store.ofEvent(eventId);
    }

    @Override
    public Result replay(DeliveryId id) {
        for (int i = 0; i < REPLAY_TRIES; i++) {
            Optional<StoredDelivery> found = store.find(id);
            if (found.isEmpty()) {
                return new Result.NotFound(id);
            }
            StoredDelivery stored = found.get();
            if (stored.delivery().state() != DeliveryState.DEAD) {
                return new Result.NotDead(stored);
            }
            Delivery after = stored.delivery().replay(clock.instant());
            if (store.update(stored, after)) {
                observer.replayed(stored, after);
                replayed.run();
                return new Result.Replayed(store.find(id).orElseThrow());
            }
        }
        return new Result.NotDead(store.find(id).orElseThrow());
    }
}
