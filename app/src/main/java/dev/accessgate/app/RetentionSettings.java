package dev.accessgate.app;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** {@code accessgate.retention.*}: how long raw events and finished deliveries are kept (docs/operations.md). */
@ConfigurationProperties("accessgate.retention")
final class RetentionSettings {

    /** Raw events and finished deliveries older than this are pruned ({@code ACCESSGATE_RETENTION}). */
    private Duration maxAge = Duration.ofDays(30);
    /** Time between two pruning runs; the first runs at start ({@code ACCESSGATE_RETENTION_INTERVAL}). */
    private Duration interval = Duration.ofHours(1);
    /** Rows deleted per transaction, so the one writer is never held long ({@code ACCESSGATE_RETENTION_BATCH}). */
    private int batch = 1_000;

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public int getBatch() {
        return batch;
    }

    public void setBatch(int batch) {
        this.batch = batch;
    }
}
