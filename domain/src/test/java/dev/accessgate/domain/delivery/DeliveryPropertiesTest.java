package dev.accessgate.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.delivery.AttemptResult.Failed;
import dev.accessgate.domain.delivery.AttemptResult.PermanentFailure;
import dev.accessgate.domain.delivery.AttemptResult.RetryRequested;
import dev.accessgate.domain.delivery.AttemptResult.Succeeded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties 1, 2, 3, 5 and 6 of the retry rules, over random sequences of attempt results. */
class DeliveryPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-06-01T10:00:00Z");
    private static final int STEPS = 12;

    /** Any result a handler can produce, retryable ones most often so budgets get used up. */
    private static Gen<AttemptResult> results() {
        Gen<AttemptResult> succeeded = Generate.constant((AttemptResult) new Succeeded());
        Gen<AttemptResult> permanent = Generate.constant((AttemptResult) new PermanentFailure("no"));
        Gen<AttemptResult> failed = Generate.enumValues(FailureKind.class).map(kind -> new Failed(kind, "x"));
        Gen<String> reasons = Generate.pick(Arrays.asList(null, "FUNCTION_UPSTREAM_RATE_LIMITED",
                "FUNCTION_RETRY_REQUEST", "FUNCTION_TIME_OUT", "SOMETHING_NEW"));
        Gen<String> data = Generate.pick(Arrays.asList(null, "{}", "{\"userName\":\"john\"}", "\"\u20ac\"",
                "x".repeat(5000)));
        Gen<AttemptResult> retry = longs().between(-100, 2000).zip(reasons, data,
                (after, reason, json) -> new RetryRequested(RetryOptions.of(after, reason, json)));
        return Generate.frequency(Pair.of(1, succeeded), Pair.of(6, retry), Pair.of(6, failed), Pair.of(1, permanent));
    }

    private static Gen<List<Long>> seconds(long min, long max) {
        return lists().of(longs().between(min, max)).ofSize(STEPS);
    }

    /** What happened while a delivery was driven through a list of results. */
    private record Run(Delivery end, List<Optional<RetryContext>> contexts, List<AttemptResult> used) {
    }

    /**
     * Drives {@code delivery} until it is terminal or the results run out. Before every retry it
     * first tries to start early (which must be refused), then starts some time after it is due.
     */
    private static Run drive(Delivery delivery, List<AttemptResult> results, List<Long> durations, List<Long> waits) {
        List<Optional<RetryContext>> contexts = new ArrayList<>();
        List<AttemptResult> used = new ArrayList<>();
        Instant now = delivery.dueAt().orElseThrow();
        for (int i = 0; i < results.size() && !delivery.isTerminal(); i++) {
            Instant due = delivery.dueAt().orElseThrow();
            if (delivery.state() == DeliveryState.RETRY_SCHEDULED) {
                long gap = due.getEpochSecond() - now.getEpochSecond();
                Instant early = due.minusSeconds(1 + Math.floorMod(waits.get(i), gap));
                Delivery before = delivery;
                assertThatThrownBy(() -> before.start(early)).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.field()).isEqualTo("now"));
                assertThatThrownBy(() -> before.start(due.minusNanos(1))).isInstanceOf(DomainException.class);
            }
            now = due.plusSeconds(waits.get(i));
            delivery = delivery.start(now);
            contexts.add(delivery.retryContext());
            now = now.plusSeconds(durations.get(i));
            delivery = delivery.complete(results.get(i), now);
            used.add(results.get(i));
            assertThat(delivery.attemptsInBudget()).isLessThanOrEqualTo(RetryPolicy.MAX_ATTEMPTS);
            if (delivery.state() == DeliveryState.RETRY_SCHEDULED) {
                long delay = results.get(i) instanceof RetryRequested requested
                        ? requested.options().retryAfterSeconds()
                        : RetryPolicy.platformBackoffSeconds(delivery.attemptsInBudget());
                assertThat(delivery.dueAt()).contains(now.plusSeconds(delay));
            }
        }
        return new Run(delivery, contexts, used);
    }

    /** Property 1: never more than 4 retries (5 attempts) per budget, whatever the results. */
    @Test
    void neverMoreThanFiveAttemptsPerBudget() {
        qt().forAll(lists().of(results()).ofSizeBetween(0, STEPS), seconds(0, 120), seconds(0, 1000))
                .checkAssert((results, durations, waits) -> {
                    Run run = drive(Delivery.pending(T0), results, durations, waits);

                    assertThat(run.used()).hasSizeLessThanOrEqualTo(RetryPolicy.MAX_ATTEMPTS);
                    assertThat(run.end().history()).hasSameSizeAs(run.used());
                    boolean allRetryable = run.used().stream().allMatch(AttemptResult::isRetryable);
                    if (run.used().size() == RetryPolicy.MAX_ATTEMPTS && allRetryable) {
                        assertThat(run.end().state()).isEqualTo(DeliveryState.DEAD);
                        assertThat(run.end().deadReason()).hasValueSatisfying(
                                reason -> assertThat(reason).startsWith("no retries left after 5 attempts"));
                    }
                });
    }

    /** Property 2: retryCount goes 1, 2, 3, 4 in order, with the previous attempt's reason and data. */
    @Test
    void retryCountCountsUpWithThePreviousReasonAndData() {
        qt().forAll(lists().of(results()).ofSizeBetween(1, STEPS), seconds(0, 120), seconds(0, 1000))
                .checkAssert((results, durations, waits) -> {
                    Run run = drive(Delivery.pending(T0), results, durations, waits);

                    assertThat(run.contexts().get(0)).isEmpty();
                    for (int i = 1; i < run.contexts().size(); i++) {
                        AttemptResult previous = run.used().get(i - 1);
                        Optional<RetryData> data = previous instanceof RetryRequested requested
                                ? requested.options().retryData() : Optional.empty();
                        assertThat(run.contexts().get(i)).contains(
                                new RetryContext(i, previous.retryReason().orElseThrow(), data));
                    }
                });
    }

    /** Property 3: no attempt starts before its due time (the early starts are tried inside {@link #drive}). */
    @Test
    void noAttemptStartsBeforeItIsDue() {
        qt().forAll(lists().of(results()).ofSizeBetween(1, STEPS), seconds(0, 120), seconds(0, 1000))
                .checkAssert((results, durations, waits) -> {
                    Run run = drive(Delivery.pending(T0), results, durations, waits);

                    List<Attempt> history = run.end().history();
                    for (int i = 1; i < history.size(); i++) {
                        Attempt previous = history.get(i - 1);
                        long delay = previous.result() instanceof RetryRequested requested
                                ? requested.options().retryAfterSeconds()
                                : RetryPolicy.platformBackoffSeconds(previous.number());
                        assertThat(history.get(i).startedAt()).isAfterOrEqualTo(previous.endedAt().plusSeconds(delay));
                    }
                });
    }

    /** Property 6: a finite run ends in exactly one terminal state; replaying a dead one gives a fresh budget. */
    @Test
    void everyRunEndsTerminalAndReplayGivesAFreshBudget() {
        Gen<List<AttemptResult>> scripts = lists().of(results()).ofSizeBetween(RetryPolicy.MAX_ATTEMPTS, STEPS);
        qt().forAll(scripts, scripts, seconds(0, 120), booleans().all())
                .checkAssert((first, second, durations, filterFirst) -> {
                    Delivery start = Delivery.pending(T0);
                    Delivery end = filterFirst ? start.filter("filter said false") : drive(start, first, durations, durations).end();

                    assertThat(end.isTerminal()).isTrue();
                    assertThat(List.of(DeliveryState.SUCCEEDED, DeliveryState.DEAD, DeliveryState.FILTERED))
                            .containsOnlyOnce(end.state());
                    assertThat(end.dueAt()).isEmpty();
                    assertThat(end.startedAt()).isEmpty();
                    if (end.state() != DeliveryState.DEAD) {
                        assertThatThrownBy(() -> end.replay(T0.plusSeconds(100_000))).isInstanceOf(DomainException.class);
                        return;
                    }
                    Delivery replayed = end.replay(end.lastAttempt().orElseThrow().endedAt().plusSeconds(60));
                    assertThat(replayed.state()).isEqualTo(DeliveryState.PENDING);
                    assertThat(replayed.budget()).isEqualTo(2);
                    assertThat(replayed.attemptsInBudget()).isZero();
                    assertThat(replayed.history()).isEqualTo(end.history());

                    Run again = drive(replayed, second, durations, durations);
                    assertThat(again.end().isTerminal()).isTrue();
                    assertThat(again.contexts().get(0)).isEmpty();
                    assertThat(again.end().attemptsInBudget()).isEqualTo(again.used().size()).isBetween(1, 5);
                    assertThat(again.end().history()).hasSize(end.history().size() + again.used().size());
                });
    }

    /** UTF-8 size counted code point by code point: an independent reference for the 4096-byte rule. */
    private static int utf8Bytes(String text) {
        return text.codePoints().map(cp -> cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4).sum();
    }

    /** Property 5: retryData comes back byte-identical when it fits in 4096 bytes, and is dropped with a reason when not. */
    @Test
    void retryDataIsPassedBackUnchangedOrDroppedWithAReason() {
        Gen<String> data = strings().ascii().ofLengthBetween(3_900, 4_300)
                .mix(strings().betweenCodePoints(0x80, 0xD7FF).ofLengthBetween(1_250, 1_450))
                .mix(strings().betweenCodePoints(0x10000, 0x10FFFF).ofLengthBetween(1_900, 2_200))
                .mix(strings().ascii().ofLengthBetween(0, 100));
        AtomicInteger kept = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        qt().withExamples(300).forAll(data, longs().between(-10, 2000)).checkAssert((json, after) -> {
            RetryOptions options = RetryOptions.of(after, "FUNCTION_UPSTREAM_RATE_LIMITED", json);
            Delivery scheduled = Delivery.pending(T0).start(T0).complete(new RetryRequested(options), T0);
            RetryContext context = scheduled.start(scheduled.dueAt().orElseThrow()).retryContext().orElseThrow();

            assertThat(scheduled.state()).isEqualTo(DeliveryState.RETRY_SCHEDULED);
            assertThat(context.retryCount()).isEqualTo(1);
            if (utf8Bytes(json) <= RetryPolicy.MAX_RETRY_DATA_BYTES) {
                assertThat(context.retryData()).isPresent();
                assertThat(context.retryData().get().json().getBytes(StandardCharsets.UTF_8))
                        .isEqualTo(json.getBytes(StandardCharsets.UTF_8));
                assertThat(options.notes()).noneMatch(note -> note.contains("retryData"));
                kept.incrementAndGet();
            } else {
                assertThat(context.retryData()).isEmpty();
                assertThat(options.notes()).anyMatch(note -> note.startsWith("retryData dropped: it is "
                        + utf8Bytes(json) + " bytes, over the limit of 4096 bytes"));
                dropped.incrementAndGet();
            }
        });
        // the generator really lands on both sides of the limit
        assertThat(kept).hasPositiveValue();
        assertThat(dropped).hasPositiveValue();
    }
}
