package dev.accessgate.app;

import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery runtime's log: one line per attempt with delivery id, event id and subscription.
 * Never payloads, retryData or failure details (those can echo payloads; the API shows them).
 */
final class Slf4jDeliveryObserver implements DeliveryObserver {

    private static final Logger LOG = LoggerFactory.getLogger("dev.accessgate.deliveries");

    @Override
    public void attemptFinished(StoredDelivery before, AttemptResult result, Delivery after, boolean recorded) {
        String outcome = result instanceof AttemptResult.Succeeded ? "succeeded"
                : result instanceof AttemptResult.PermanentFailure ? "permanent failure"
                : result instanceof AttemptResult.RetryRequested ? "retry requested"
                : "failed";
        String reason = result.retryReason().map(r -> " (" + r + ")").orElse("");
        String next = after.dueAt().map(due -> " due " + due).orElse("");
        if (!recorded) {
            LOG.warn("delivery {} event {} subscription {}: attempt ended ({}{}) after its lease; result discarded,"
                    + " the attempt was already counted as lost", before.id(), before.eventId(), before.subscription(),
                    outcome, reason);
            return;
        }
        LOG.info("delivery {} event {} subscription {} attempt {}/{} budget {}: {}{} -> {}{}", before.id(),
                before.eventId(), before.subscription(), after.lastAttempt().map(a -> a.number()).orElse(0),
                dev.accessgate.domain.delivery.RetryPolicy.MAX_ATTEMPTS, after.budget(), outcome, reason,
                after.state().externalName(), next);
        if (result instanceof AttemptResult.RetryRequested retry) {
            retry.options().notes().forEach(note -> LOG.warn("delivery {} event {} subscription {}: {}", before.id(),
                    before.eventId(), before.subscription(), note));
        }
    }

    @Override
    public void filtered(ReceivedEvent event, String subscription, String reason) {
        LOG.info("event {} subscription {}: filtered out: {}", event.id(), subscription, reason);
    }

    @Override
    public void recovered(StoredDelivery before, Delivery after) {
        LOG.warn("delivery {} event {} subscription {}: its attempt was lost (lease ended {}); counted as "
                + "FUNCTION_PLATFORM_UNKNOWN_ERROR -> {}{}", before.id(), before.eventId(), before.subscription(),
                before.leaseUntil().orElse(null), after.state().externalName(),
                after.dueAt().map(due -> " due " + due).orElse(""));
    }

    @Override
    public void replayed(StoredDelivery before, Delivery after) {
        LOG.info("delivery {} event {} subscription {}: replayed, budget {}", before.id(), before.eventId(),
                before.subscription(), after.budget());
    }

    @Override
    public void workerFailed(String what, RuntimeException cause) {
        LOG.error("delivery worker: {} failed; trying again shortly", what, cause);
    }
}
