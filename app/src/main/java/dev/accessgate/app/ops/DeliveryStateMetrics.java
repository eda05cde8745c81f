package dev.accessgate.app.ops;

import dev.accessgate.application.port.in.OverviewUseCase;
import dev.accessgate.domain.delivery.DeliveryState;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import java.util.Locale;
import java.util.Map;

/**
 * {@code accessgate.deliveries{state}}: deliveries in each state now, counted from the store
 * once per scrape (one index-only query answers all states).
 */
@Context
final class DeliveryStateMetrics {

    /** A scrape reads every state's gauge in turn; they share one count this young. */
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final OverviewUseCase overview;
    private Map<DeliveryState, Long> counts = Map.of();
    private long countedAt = System.nanoTime() - 2 * FRESH_NANOS;

    DeliveryStateMetrics(OverviewUseCase overview, MeterRegistry registry) {
        this.overview = overview;
        for (DeliveryState state : DeliveryState.values()) {
            Gauge.builder("accessgate.deliveries", this, metrics -> metrics.count(state))
                    .description("deliveries in each state (dead: dead letters waiting for a replay)")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    private synchronized double count(DeliveryState state) {
        if (System.nanoTime() - countedAt > FRESH_NANOS) {
            try {
                counts = overview.deliveryCounts();
            } catch (RuntimeException e) {
                return Double.NaN; // the store is unavailable; readiness reports it
            }
            countedAt = System.nanoTime();
        }
        return counts.getOrDefault(state, 0L);
    }
}
