package dev.accessgate.adapters.http.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.domain.delivery.Attempt;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * JSON shapes of the delivery API (SPEC 3.2), also for the deliveries shown with an event.
 * Payloads and retryData are never shown: {@code hasRetryData} says whether there was some.
 */
public final class DeliveryJson {

    private DeliveryJson() {
    }

    /** One page; {@code nextCursor} is null on the last one. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(List<View> deliveries, String nextCursor) {
    }

    /**
     * A delivery.
     *
     * @param state    pending, retrying, succeeded, dead or filtered (an attempt that is running is pending)
     * @param running  true while an attempt is running
     * @param attempts attempts made in the current budget
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String id, String eventId, String eventType, String subscription, String state, boolean running,
                       String createdAt, int budget, int attempts, String dueAt, String startedAt, String leaseUntil,
                       String filterReason, String deadReason, List<AttemptView> history) {
    }

    /** A finished attempt. {@code result}: succeeded, retry_requested, failed or permanent_failure. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(int budget, int number, String startedAt, String endedAt, String result,
                              String retryReason, Long retryAfter, Boolean hasRetryData, String detail,
                              List<String> notes) {
    }

    public static View of(StoredDelivery stored) {
        Delivery d = stored.delivery();
        return new View(stored.id().value(), stored.eventId().value(), stored.eventType(), stored.subscription(),
                d.state().externalName(), d.state() == dev.accessgate.domain.delivery.DeliveryState.IN_FLIGHT,
                stored.createdAt().toString(), d.budget(), d.attemptsInBudget(), text(d.dueAt().orElse(null)),
                text(d.startedAt().orElse(null)), text(stored.leaseUntil().orElse(null)), d.filterReason().orElse(null),
                d.deadReason().orElse(null), d.history().stream().map(DeliveryJson::of).toList());
    }

    static AttemptView of(Attempt attempt) {
        AttemptResult result = attempt.result();
        String reason = result.retryReason().map(Enum::name).orElse(null);
        if (result instanceof AttemptResult.RetryRequested retry) {
            return new AttemptView(attempt.budget(), attempt.number(), text(attempt.startedAt()),
                    text(attempt.endedAt()), "retry_requested", reason, retry.options().retryAfterSeconds(),
                    retry.options().retryData().isPresent(), null,
                    retry.options().notes().isEmpty() ? null : retry.options().notes());
        }
        String kind;
        String detail = null;
        if (result instanceof AttemptResult.Failed failed) {
            kind = "failed";
            detail = failed.detail();
        } else if (result instanceof AttemptResult.PermanentFailure permanent) {
            kind = "permanent_failure";
            detail = permanent.detail();
        } else {
            kind = "succeeded";
        }
        return new AttemptView(attempt.budget(), attempt.number(), text(attempt.startedAt()), text(attempt.endedAt()),
                kind, reason, null, null, detail == null || detail.isEmpty() ? null : detail, null);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
