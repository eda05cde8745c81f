package dev.accessgate.app;

import dev.accessgate.application.service.DeliveryWorker;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The delivery worker's part of a graceful shutdown, run by Micronaut beside the HTTP server's
 * drain: stop claiming at once, give running attempts the grace period to finish, then
 * interrupt them (recorded as failed attempts and retried by the usual rules), so that no
 * delivery is left IN_FLIGHT.
 */
@Singleton
@Requires(bean = GracefulShutdownConfiguration.class)
final class DeliveryShutdown implements GracefulShutdownCapable {

    private final DeliveryWorker worker;
    private final GracefulShutdownConfiguration configuration;

    DeliveryShutdown(DeliveryWorker worker, GracefulShutdownConfiguration configuration) {
        this.worker = worker;
        this.configuration = configuration;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Thread stopper = new Thread(() -> {
            try {
                worker.stop(configuration.getGracePeriod());
            } finally {
                stopped.complete(null);
            }
        }, "accessgate-delivery-shutdown");
        stopper.setDaemon(true);
        stopper.start();
        return stopped;
    }
}
