package dev.accessgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.port.out.RetentionStore;
import dev.accessgate.application.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionServiceTest {

    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

    /** A store with {@code deliveries} and {@code events} old rows that records each call. */
    private static final class CountingStore implements RetentionStore {
        int deliveries;
        int events;
        final List<Instant> cutoffs = new ArrayList<>();

        CountingStore(int deliveries, int events) {
            this.deliveries = deliveries;
            this.events = events;
        }

        @Override
        public Pruned prune(Instant cutoff, int limit) {
            cutoffs.add(cutoff);
            int d = Math.min(deliveries, limit);
            int e = Math.min(events, limit);
            deliveries -= d;
            events -= e;
            return new Pruned(d, e);
        }
    }

    @Test
    void prunes_in_batches_until_nothing_old_is_left() {
        CountingStore store = new CountingStore(25, 7);
        RetentionService service = new RetentionService(store, new MutableClock(NOW), Duration.ofDays(30), 10);

        assertThat(service.pruneNow()).isEqualTo(new RetentionStore.Pruned(25, 7));

        assertThat(store.cutoffs).hasSize(3).containsOnly(NOW.minus(Duration.ofDays(30)));
        assertThat(store.deliveries + store.events).isZero();
    }

    @Test
    void a_full_last_batch_is_followed_by_one_more_look() {
        CountingStore store = new CountingStore(10, 10);
        RetentionService service = new RetentionService(store, new MutableClock(NOW), Duration.ofHours(1), 10);

        assertThat(service.pruneNow()).isEqualTo(new RetentionStore.Pruned(10, 10));
        assertThat(store.cutoffs).hasSize(2);
    }

    @Test
    void the_retention_and_the_batch_must_be_positive() {
        CountingStore store = new CountingStore(0, 0);
        MutableClock clock = new MutableClock(NOW);
        assertThatThrownBy(() -> new RetentionService(store, clock, Duration.ZERO, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
        assertThatThrownBy(() -> new RetentionService(store, clock, Duration.ofDays(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch");
    }
}
