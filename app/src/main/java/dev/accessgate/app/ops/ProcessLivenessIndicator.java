package dev.accessgate.app.ops;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code GET /health/liveness} answers UP while the server answers at all, at no cost per probe.
 * It replaces Micronaut's deadlocked-threads indicator (turned off in application.yml), which
 * stopped the JVM at a safepoint on every probe; without any, liveness would say UNKNOWN.
 */
@Singleton
@Liveness
final class ProcessLivenessIndicator implements HealthIndicator {

    private static final HealthResult UP = HealthResult.builder("process", HealthStatus.UP).build();

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(UP);
    }
}
