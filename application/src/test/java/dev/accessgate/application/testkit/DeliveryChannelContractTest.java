package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.delivery.RetryContext;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.delivery.RetryReason;
import dev.accessgate.domain.policy.EventId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryChannel} must do: run one attempt against a handler, hand it the
 * event as stored, and map however the handler ends to an {@link AttemptResult}, never throwing
 * for the handler's failure (docs/retry-semantics.md, "How an attempt can end"). Extend it with
 * a channel whose subscription's handler behaves as the given {@link EventHandler}: an
 * in-process channel calls it; a transport's test puts it behind its transport.
 */
public abstract class DeliveryChannelContractTest {

    private static final String JSON = "{\"id\":\"e-1\",\"type\":\"avi:jira:created:issue\",\"data\":{\"n\":1}}";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** A channel to {@code handler}, giving up on an attempt after {@code timeout}. */
    protected abstract DeliveryChannel channelTo(EventHandler handler, Duration timeout);

    private static DeliveryChannel.Invocation invocation(Optional<RetryContext> retryContext) {
        return new DeliveryChannel.Invocation(DeliveryId.random(), new EventId("e-1"), "avi:jira:created:issue",
                "issues", JSON, retryContext);
    }

    private AttemptResult deliver(EventHandler handler) {
        return channelTo(handler, TIMEOUT).deliver(invocation(Optional.empty()));
    }

    @Test
    void the_handler_gets_the_event_as_stored_with_its_retry_context() {
        AtomicReference<EventHandler.Event> seen = new AtomicReference<>();
        RetryContext context = new RetryContext(2, RetryReason.FUNCTION_RETRY_REQUEST, Optional.empty());
        DeliveryChannel.Invocation invocation = invocation(Optional.of(context));

        channelTo(event -> {
            seen.set(event);
            return EventHandler.Result.success();
        }, TIMEOUT).deliver(invocation);

        assertThat(seen.get().json()).isEqualTo(JSON);
        assertThat(seen.get().eventId()).isEqualTo(invocation.eventId());
        assertThat(seen.get().deliveryId()).isEqualTo(invocation.deliveryId());
        assertThat(seen.get().type()).isEqualTo("avi:jira:created:issue");
        assertThat(seen.get().subscription()).isEqualTo("issues");
        assertThat(seen.get().retryContext()).contains(context);
    }

    @Test
    void success_is_succeeded() {
        assertThat(deliver(event -> EventHandler.Result.success())).isEqualTo(new AttemptResult.Succeeded());
    }

    @Test
    void a_retry_request_keeps_its_options_with_forge_s_rules_applied() {
        AttemptResult result = deliver(event -> EventHandler.Result.retry(5000, "FUNCTION_RETRY_REQUEST", "{\"page\":2}"));

        assertThat(result).isEqualTo(new AttemptResult.RetryRequested(
                RetryOptions.of(5000, "FUNCTION_RETRY_REQUEST", "{\"page\":2}")));
        assertThat(((AttemptResult.RetryRequested) result).options().retryAfterSeconds()).isEqualTo(900);
    }

    @Test
    void a_permanent_failure_is_permanent_with_its_detail() {
        // A transport may add to the detail (a status line), never lose it.
        assertThat(deliver(event -> EventHandler.Result.permanentFailure("unknown project")))
                .isInstanceOfSatisfying(AttemptResult.PermanentFailure.class,
                        failure -> assertThat(failure.detail()).contains("unknown project"));
    }

    @Test
    void a_throwing_handler_is_an_unknown_error_not_an_exception() {
        AttemptResult result = deliver(event -> {
            throw new IllegalStateException("boom");
        });

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.UNKNOWN_ERROR));
    }

    @Test
    void a_handler_that_overruns_its_timeout_is_timed_out() {
        CountDownLatch never = new CountDownLatch(1);
        AttemptResult result = channelTo(event -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EventHandler.Result.success();
        }, Duration.ofMillis(200)).deliver(invocation(Optional.empty()));

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMED_OUT));
    }
}
