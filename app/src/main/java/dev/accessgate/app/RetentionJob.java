package dev.accessgate.app;

import dev.accessgate.application.port.out.RetentionStore;
import dev.accessgate.application.service.RetentionService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the retention at start and then every interval, on one daemon thread. A failed run
 * (the database busy or full) is logged and tried again at the next interval.
 */
final class RetentionJob implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionService retention;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "accessgate-retention");
        thread.setDaemon(true);
        return thread;
    });

    RetentionJob(RetentionService retention, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the retention interval must be positive, not " + interval);
        }
        this.retention = retention;
        timer.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One pruning run; never throws, so the schedule goes on. */
    void runOnce() {
        try {
            RetentionStore.Pruned pruned = retention.pruneNow();
            if (pruned.deliveries() + pruned.events() > 0) {
                LOG.info("retention: pruned {} finished deliveries and {} events older than {}",
                        pruned.deliveries(), pruned.events(), retention.maxAge());
            }
        } catch (RuntimeException e) {
            LOG.warn("retention: pruning failed, trying again at the next interval: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
