package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.delivery.AttemptResult.Failed;
import dev.accessgate.domain.delivery.AttemptResult.PermanentFailure;
import dev.accessgate.domain.delivery.AttemptResult.RetryRequested;
import dev.accessgate.domain.delivery.AttemptResult.Succeeded;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static RetryRequested retry(long after, String reason, String data) {
        return new RetryRequested(RetryOptions.of(after, reason, data));
    }

    private static void assertRefused(Runnable transition, String field) {
        assertThatThrownBy(transition::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        Delivery delivery = Delivery.pending(T0);

        assertThat(delivery.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(delivery.dueAt()).contains(T0);
        assertThat(delivery.budget()).isEqualTo(1);
        assertThat(delivery.history()).isEmpty();
        assertThat(delivery.isDue(T0)).isTrue();
        assertThat(delivery.isDue(at(-1))).isFalse();
        assertThat(delivery.retryContext()).isEmpty();
    }

    @Test
    void aFirstAttemptThatSucceeds() {
        Delivery running = Delivery.pending(T0).start(at(2));

        assertThat(running.state()).isEqualTo(DeliveryState.IN_FLIGHT);
        assertThat(running.startedAt()).contains(at(2));
        assertThat(running.retryContext()).isEmpty();

        Delivery done = running.complete(new Succeeded(), at(3));

        assertThat(done.state()).isEqualTo(DeliveryState.SUCCEEDED);
        assertThat(done.isTerminal()).isTrue();
        assertThat(done.history()).containsExactly(new Attempt(1, 1, at(2), at(3), new Succeeded()));
        assertThat(done.dueAt()).isEmpty();
    }

    @Test
    void aRetryRequestIsDueRetryAfterSecondsAfterTheAttemptEnds() {
        Delivery scheduled = Delivery.pending(T0).start(T0)
                .complete(retry(60, "FUNCTION_UPSTREAM_RATE_LIMITED", "{\"userName\":\"john\"}"), at(5));

        assertThat(scheduled.state()).isEqualTo(DeliveryState.RETRY_SCHEDULED);
        assertThat(scheduled.dueAt()).contains(at(65));
        assertThat(scheduled.retryContext()).contains(new RetryContext(1, RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED,
                Optional.of(new RetryData("{\"userName\":\"john\"}"))));
    }

    @Test
    void noRetryStartsBeforeItIsDue() {
        Delivery scheduled = Delivery.pending(T0).start(T0).complete(retry(60, null, null), at(5));

        assertThat(scheduled.isDue(at(64))).isFalse();
        assertRefused(() -> scheduled.start(at(64)), "now");
        assertThat(scheduled.start(at(65)).state()).isEqualTo(DeliveryState.IN_FLIGHT);
    }

    @Test
    void theRunningRetrySeesTheContextOfThePreviousAttempt() {
        Delivery retrying = Delivery.pending(T0).start(T0)
                .complete(retry(10, "FUNCTION_RETRY_REQUEST", "[1,2]"), at(1))
                .start(at(11));

        assertThat(retrying.retryContext()).contains(
                new RetryContext(1, RetryReason.FUNCTION_RETRY_REQUEST, Optional.of(new RetryData("[1,2]"))));
    }

    @Test
    void retryCountGoesOneToFourThenTheDeliveryIsDead() {
        Delivery delivery = Delivery.pending(T0);
        Instant now = T0;
        for (int attempt = 1; attempt <= 5; attempt++) {
            delivery = delivery.start(now);
            if (attempt == 1) {
                assertThat(delivery.retryContext()).isEmpty();
            } else {
                assertThat(delivery.retryContext()).map(RetryContext::retryCount).contains(attempt - 1);
                assertThat(delivery.retryContext()).map(RetryContext::retryData)
                        .contains(Optional.of(new RetryData("{\"n\":" + (attempt - 1) + "}")));
            }
            now = now.plusSeconds(1);
            delivery = delivery.complete(retry(30, null, "{\"n\":" + attempt + "}"), now);
            now = now.plusSeconds(30);
        }

        assertThat(delivery.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(delivery.attemptsInBudget()).isEqualTo(5);
        assertThat(delivery.retryContext()).isEmpty();
        assertThat(delivery.deadReason()).contains(
                "no retries left after 5 attempts; last: retry requested (FUNCTION_RETRY_REQUEST, after 30 s)");
    }

    @Test
    void platformFailuresAreRetriedWithBackoffAndAPlatformReason() {
        Delivery first = Delivery.pending(T0).start(T0).complete(new Failed(FailureKind.RATE_LIMITED, "HTTP 429"), T0);

        assertThat(first.dueAt()).contains(at(1));
        assertThat(first.retryContext()).contains(
                new RetryContext(1, RetryReason.FUNCTION_PLATFORM_RATE_LIMITED, Optional.empty()));

        Delivery second = first.start(at(1)).complete(new Failed(FailureKind.TIMED_OUT, "25 s"), at(26));
        assertThat(second.dueAt()).contains(at(36));
        assertThat(second.retryContext()).map(RetryContext::reason).contains(RetryReason.FUNCTION_TIME_OUT);

        Delivery third = second.start(at(36)).complete(new Failed(FailureKind.OUT_OF_MEMORY, ""), at(36));
        assertThat(third.dueAt()).contains(at(136));

        Delivery fourth = third.start(at(136)).complete(new Failed(FailureKind.UNKNOWN_ERROR, "boom"), at(136));
        assertThat(fourth.dueAt()).contains(at(1036));
        assertThat(fourth.retryContext()).contains(
                new RetryContext(4, RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR, Optional.empty()));
    }

    @Test
    void retryDataComesFromThePreviousAttemptOnly() {
        Delivery delivery = Delivery.pending(T0).start(T0)
                .complete(retry(1, null, "{\"cursor\":7}"), T0)
                .start(at(1))
                .complete(new Failed(FailureKind.TIMED_OUT, ""), at(2));

        assertThat(delivery.retryContext()).contains(new RetryContext(2, RetryReason.FUNCTION_TIME_OUT, Optional.empty()));
    }

    @Test
    void oversizeRetryDataIsDroppedAndTheRetryStillScheduled() {
        RetryOptions options = RetryOptions.of(5, "FUNCTION_RETRY_REQUEST", "x".repeat(4097));
        Delivery delivery = Delivery.pending(T0).start(T0).complete(new RetryRequested(options), T0);

        assertThat(delivery.state()).isEqualTo(DeliveryState.RETRY_SCHEDULED);
        assertThat(delivery.retryContext()).contains(
                new RetryContext(1, RetryReason.FUNCTION_RETRY_REQUEST, Optional.empty()));
        assertThat(delivery.lastAttempt().orElseThrow().result()).isEqualTo(new RetryRequested(options));
        assertThat(options.notes()).singleElement().asString().startsWith("retryData dropped");
    }

    @Test
    void aPermanentFailureIsDeadAtOnce() {
        Delivery dead = Delivery.pending(T0).start(T0).complete(new PermanentFailure("HTTP 404"), at(1));

        assertThat(dead.state()).isEqualTo(DeliveryState.DEAD);
        assertThat(dead.attemptsInBudget()).isEqualTo(1);
        assertThat(dead.deadReason()).contains("permanent failure: HTTP 404");
        assertThat(Delivery.pending(T0).start(T0).complete(AttemptResult.ofHttpStatus(403, ""), T0).state())
                .isEqualTo(DeliveryState.DEAD);
    }

    @Test
    void replayGivesAFreshBudgetAndKeepsHistory() {
        Delivery dead = Delivery.pending(T0).start(T0).complete(new PermanentFailure("no"), at(1));

        Delivery replayed = dead.replay(at(100));

        assertThat(replayed.state()).isEqualTo(DeliveryState.PENDING);
        assertThat(replayed.budget()).isEqualTo(2);
        assertThat(replayed.attemptsInBudget()).isZero();
        assertThat(replayed.dueAt()).contains(at(100));
        assertThat(replayed.history()).isEqualTo(dead.history());

        Delivery running = replayed.start(at(100));
        assertThat(running.retryContext()).isEmpty();
        Delivery again = running.complete(new Failed(FailureKind.UNKNOWN_ERROR, ""), at(101));
        assertThat(again.retryContext()).map(RetryContext::retryCount).contains(1);
        assertThat(again.history()).extracting(Attempt::budget, Attempt::number)
                .containsExactly(tuple(1, 1), tuple(2, 1));
    }

    @Test
    void replayWithABackwardClockIsDueWhenTheLastAttemptEnded() {
        Delivery dead = Delivery.pending(T0).start(T0).complete(new PermanentFailure("no"), at(10));

        assertThat(dead.replay(at(5)).dueAt()).contains(at(10));
    }

    @Test
    void historyKeepsTheLast25AttemptsAcrossReplays() {
        Delivery delivery = Delivery.pending(T0);
        Instant now = T0;
        for (int budget = 1; budget <= 7; budget++) {
            for (int attempt = 1; attempt <= 5; attempt++) {
                delivery = delivery.start(now).complete(new Failed(FailureKind.UNKNOWN_ERROR, ""), now);
                now = now.plusSeconds(900);
            }
            assertThat(delivery.state()).isEqualTo(DeliveryState.DEAD);
            delivery = delivery.replay(now);
        }

        assertThat(delivery.budget()).isEqualTo(8);
        assertThat(delivery.history()).hasSize(RetryPolicy.MAX_HISTORY);
        assertThat(delivery.history().get(0).budget()).isEqualTo(3);
        assertThat(delivery.history().get(24).budget()).isEqualTo(7);
    }

    @Test
    void filteringEndsAPendingDelivery() {
        Delivery filtered = Delivery.pending(T0).filter("filter said false");

        assertThat(filtered.state()).isEqualTo(DeliveryState.FILTERED);
        assertThat(filtered.filterReason()).contains("filter said false");
        assertThat(filtered.isTerminal()).isTrue();
        assertThat(filtered.dueAt()).isEmpty();
        assertRefused(() -> Delivery.pending(T0).filter(" "), "filterReason");
    }

    @Test
    void illegalTransitionsAreRefused() {
        Delivery pending = Delivery.pending(T0);
        Delivery running = pending.start(T0);
        Delivery succeeded = running.complete(new Succeeded(), T0);
        Delivery filtered = pending.filter("no");
        Delivery scheduled = running.complete(new Failed(FailureKind.TIMED_OUT, ""), T0);

        assertRefused(() -> pending.complete(new Succeeded(), T0), "state");
        assertRefused(() -> pending.replay(T0), "state");
        assertRefused(() -> running.start(T0), "state");
        assertRefused(() -> running.filter("late"), "state");
        assertRefused(() -> running.replay(T0), "state");
        assertRefused(() -> scheduled.filter("late"), "state");
        assertRefused(() -> scheduled.complete(new Succeeded(), at(5)), "state");
        assertRefused(() -> scheduled.replay(at(5)), "state");
        for (Delivery terminal : List.of(succeeded, filtered)) {
            assertRefused(() -> terminal.start(at(10_000)), "state");
            assertRefused(() -> terminal.complete(new Succeeded(), at(10_000)), "state");
            assertRefused(() -> terminal.filter("again"), "state");
            assertRefused(() -> terminal.replay(at(10_000)), "state");
        }
    }

    @Test
    void anAttemptCannotEndBeforeItStarted() {
        Delivery running = Delivery.pending(T0).start(at(10));

        assertRefused(() -> running.complete(new Succeeded(), at(9)), "now");
    }

    @Test
    void timesOutsideTheSupportedRangeAreRefused() {
        assertRefused(() -> Delivery.pending(Instant.parse("1969-12-31T23:59:59Z")), "now");
        assertRefused(() -> Delivery.pending(Instant.MAX), "now");
        assertRefused(() -> Delivery.pending(null), "now");
    }

    @Test
    void aRetryDueJustPastTheLatestTimeIsStillValid() {
        Instant latest = Instant.parse("2200-01-01T00:00:00Z");

        Delivery scheduled = Delivery.pending(latest).start(latest).complete(retry(900, null, null), latest);

        assertThat(scheduled.dueAt()).contains(latest.plusSeconds(900));
    }

    @Test
    void aDeliveryRebuiltFromItsComponentsIsEqual() {
        Delivery scheduled = Delivery.pending(T0).start(T0).complete(retry(60, null, "{}"), at(1));

        Delivery rebuilt = new Delivery(scheduled.state(), scheduled.budget(), scheduled.dueAt(), scheduled.startedAt(),
                scheduled.filterReason(), scheduled.history());

        assertThat(rebuilt).isEqualTo(scheduled);
    }

    @Test
    void inconsistentComponentsAreRefused() {
        Attempt failed = new Attempt(1, 1, T0, at(1), new Failed(FailureKind.TIMED_OUT, ""));
        Attempt succeeded = new Attempt(1, 1, T0, at(1), new Succeeded());
        Optional<Instant> none = Optional.empty();

        // succeeded with no attempt
        assertRefused(() -> new Delivery(DeliveryState.SUCCEEDED, 1, none, none, Optional.empty(), List.of()), "state");
        // a retry due before its retryAfter
        assertRefused(() -> new Delivery(DeliveryState.RETRY_SCHEDULED, 1, Optional.of(at(1)), none, Optional.empty(),
                List.of(failed)), "state");
        // a retry after success
        assertRefused(() -> new Delivery(DeliveryState.RETRY_SCHEDULED, 1, Optional.of(at(2)), none, Optional.empty(),
                List.of(succeeded)), "state");
        // pending without due time
        assertRefused(() -> new Delivery(DeliveryState.PENDING, 1, none, none, Optional.empty(), List.of()), "dueAt");
        // dead with retries left
        assertRefused(() -> new Delivery(DeliveryState.DEAD, 1, none, none, Optional.empty(), List.of(failed)), "state");
        // attempts out of order
        assertRefused(() -> new Delivery(DeliveryState.DEAD, 1, none, none, Optional.empty(),
                List.of(failed, new Attempt(1, 3, at(2), at(3), new PermanentFailure("")))), "history");
        // an attempt from a later budget
        assertRefused(() -> new Delivery(DeliveryState.SUCCEEDED, 1, none, none, Optional.empty(),
                List.of(new Attempt(2, 1, T0, T0, new Succeeded()))), "history");
    }
}
