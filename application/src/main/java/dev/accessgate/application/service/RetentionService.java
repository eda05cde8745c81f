package dev.accessgate.application.service;

import dev.accessgate.application.port.out.RetentionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Prunes raw events and finished deliveries older than {@code maxAge}, in batches of
 * {@code batch} so that no single transaction holds the one SQLite writer for long.
 */
public final class RetentionService {

    private final RetentionStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final int batch;

    /**
     * @param maxAge what is older is pruned; positive
     * @param batch  rows removed per {@link RetentionStore#prune} call (one transaction); positive
     */
    public RetentionService(RetentionStore store, Clock clock, Duration maxAge, int batch) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("the retention must be positive, not " + maxAge);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("the retention batch must be positive, not " + batch);
        }
        this.maxAge = maxAge;
        this.batch = batch;
    }

    /** Prunes everything older than {@code maxAge} now; returns the totals removed. */
    public RetentionStore.Pruned pruneNow() {
        Instant cutoff = clock.instant().minus(maxAge);
        int deliveries = 0;
        int events = 0;
        while (true) {
            RetentionStore.Pruned pruned = store.prune(cutoff, batch);
            deliveries += pruned.deliveries();
            events += pruned.events();
            if (pruned.removedFewerThan(batch)) {
                return new RetentionStore.Pruned(deliveries, events);
            }
        }
    }

    /** The configured age past which raw events and finished deliveries are pruned. */
    public Duration maxAge() {
        return maxAge;
    }
}
