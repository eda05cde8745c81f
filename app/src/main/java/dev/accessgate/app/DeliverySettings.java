package dev.accessgate.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code accessgate.deliveries.*}: how the delivery worker runs (see docs/deliveries.md). */
@ConfigurationProperties("accessgate.deliveries")
final class DeliverySettings {

    /** Attempts running at once ({@code ACCESSGATE_DELIVERY_CONCURRENCY}). */
    private int concurrency = 4;
    /** Added to the longest handler timeout to make the lease of a running attempt. */
    private Duration leaseMargin = Duration.ofSeconds(30);
    /** Longest sleep of the worker without looking at the store (a safety net). */
    private Duration maxSleep = Duration.ofSeconds(30);

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public Duration getLeaseMargin() {
        return leaseMargin;
    }

    public void setLeaseMargin(Duration leaseMargin) {
        this.leaseMargin = leaseMargin;
    }

    public Duration getMaxSleep() {
        return maxSleep;
    }

    public void setMaxSleep(Duration maxSleep) {
        this.maxSleep = maxSleep;
    }
}
