package dev.accessgate.domain.delivery;

import dev.accessgate.domain.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery of one event to one subscription, as an immutable state machine. Ids live in
 * the application; time is always passed in. Each transition returns a new delivery, or throws
 * {@link DomainException} (field {@code state} or {@code now}) when it is not allowed.
 *
 * <pre>
 * PENDING, RETRY_SCHEDULED --start (not before due)--> IN_FLIGHT
 * IN_FLIGHT                --complete-->               SUCCEEDED | RETRY_SCHEDULED | DEAD
 * PENDING                  --filter-->                 FILTERED
 * DEAD                     --replay-->                 PENDING (fresh budget)
 * </pre>
 *
 * A budget is {@link RetryPolicy#MAX_ATTEMPTS} attempts; the delivery is DEAD after the last
 * one fails, or at once on a permanent failure. The canonical constructor checks every rule,
 * so a store can rebuild a delivery from its columns and get only a consistent one.
 *
 * @param state        where it stands
 * @param budget       1, then one more per replay
 * @param dueAt        when the next attempt may start (PENDING and RETRY_SCHEDULED only)
 * @param startedAt    when the running attempt started (IN_FLIGHT only)
 * @param filterReason why the filter dropped the event (FILTERED only)
 * @param history      finished attempts, oldest first; at most {@link RetryPolicy#MAX_HISTORY}
 */
public record Delivery(DeliveryState state, int budget, Optional<Instant> dueAt, Optional<Instant> startedAt,
                       Optional<String> filterReason, List<Attempt> history) {

    public Delivery {
        Objects.requireNonNull(state, "state");
        if (budget < 1) {
            throw DomainException.invalid("budget", "budget starts at 1, was " + budget);
        }
        present("dueAt", dueAt, state == DeliveryState.PENDING || state == DeliveryState.RETRY_SCHEDULED, state);
        present("startedAt", startedAt, state == DeliveryState.IN_FLIGHT, state);
        present("filterReason", filterReason, state == DeliveryState.FILTERED, state);
        if (state == DeliveryState.PENDING) {
            Checks.time("dueAt", dueAt.orElseThrow());
        }
        startedAt.ifPresent(t -> Checks.time("startedAt", t));
        filterReason = filterReason.map(Delivery::reason);
        history = List.copyOf(history);
        if (history.size() > RetryPolicy.MAX_HISTORY) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "history",
                    "a delivery keeps at most " + RetryPolicy.MAX_HISTORY + " attempts");
        }
        checkOrder(history, budget);
        checkState(state, dueAt, startedAt, current(history, budget));
    }

    /** A new delivery whose first attempt may start at {@code now}. */
    public static Delivery pending(Instant now) {
        Checks.time("now", now);
        return new Delivery(DeliveryState.PENDING, 1, Optional.of(now), Optional.empty(), Optional.empty(), List.of());
    }

    /** True when {@link #start} would be allowed at {@code now}. */
    public boolean isDue(Instant now) {
        Objects.requireNonNull(now, "now");
        return dueAt.isPresent() && !now.isBefore(dueAt.get());
    }

    /** Starts the next attempt. Only when PENDING or RETRY_SCHEDULED, and never before it is due. */
    public Delivery start(Instant now) {
        Checks.time("now", now);
        if (state != DeliveryState.PENDING && state != DeliveryState.RETRY_SCHEDULED) {
            throw notAllowed("start", "pending or retrying");
        }
        if (now.isBefore(dueAt.orElseThrow())) {
            throw DomainException.invalid("now", "the next attempt is not due until " + dueAt.get());
        }
        return new Delivery(DeliveryState.IN_FLIGHT, budget, Optional.empty(), Optional.of(now), Optional.empty(),
                history);
    }

    /**
     * Records how the running attempt ended at {@code now}: SUCCEEDED on success; DEAD on a
     * permanent failure or when this was the last attempt of the budget; otherwise
     * RETRY_SCHEDULED, due after the retryAfter the handler asked for, or after
     * {@link RetryPolicy#platformBackoffSeconds} for a failure.
     */
    public Delivery complete(AttemptResult result, Instant now) {
        Objects.requireNonNull(result, "result");
        Checks.time("now", now);
        if (state != DeliveryState.IN_FLIGHT) {
            throw notAllowed("complete", "in flight");
        }
        Instant started = startedAt.orElseThrow();
        if (now.isBefore(started)) {
            throw DomainException.invalid("now", "an attempt cannot end before it started at " + started);
        }
        int number = attemptsInBudget() + 1;
        List<Attempt> after = append(new Attempt(budget, number, started, now, result));
        if (result instanceof AttemptResult.Succeeded) {
            return settled(DeliveryState.SUCCEEDED, after);
        }
        if (!result.isRetryable() || number == RetryPolicy.MAX_ATTEMPTS) {
            return settled(DeliveryState.DEAD, after);
        }
        long delay = result instanceof AttemptResult.RetryRequested requested
                ? requested.options().retryAfterSeconds()
                : RetryPolicy.platformBackoffSeconds(number);
        return new Delivery(DeliveryState.RETRY_SCHEDULED, budget, Optional.of(now.plusSeconds(delay)),
                Optional.empty(), Optional.empty(), after);
    }

    /** The subscription's filter dropped the event (before any attempt of this budget). */
    public Delivery filter(String reason) {
        if (state != DeliveryState.PENDING) {
            throw notAllowed("filter", "pending");
        }
        return new Delivery(DeliveryState.FILTERED, budget, Optional.empty(), Optional.empty(),
                Optional.of(reason(reason)), history);
    }

    /**
     * An operator replays a dead delivery: PENDING again with a fresh budget, due at {@code now}
     * (or at the end of its last attempt, if clocks disagree and that is later). History is kept.
     */
    public Delivery replay(Instant now) {
        Checks.time("now", now);
        if (state != DeliveryState.DEAD) {
            throw notAllowed("replay", "dead");
        }
        if (budget == Integer.MAX_VALUE) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "budget", "too many replays");
        }
        Instant lastEnd = history.get(history.size() - 1).endedAt();
        Instant due = now.isBefore(lastEnd) ? lastEnd : now;
        return new Delivery(DeliveryState.PENDING, budget + 1, Optional.of(due), Optional.empty(), Optional.empty(),
                history);
    }

    /**
     * The retryContext of the next attempt (RETRY_SCHEDULED) or of the running one (IN_FLIGHT):
     * retryCount is the number of attempts already made in this budget, reason and data those of
     * the last one. Empty for a first attempt, and in every other state.
     */
    public Optional<RetryContext> retryContext() {
        if (state != DeliveryState.RETRY_SCHEDULED && state != DeliveryState.IN_FLIGHT) {
            return Optional.empty();
        }
        int done = attemptsInBudget();
        if (done == 0) {
            return Optional.empty();
        }
        Attempt last = history.get(history.size() - 1);
        return Optional.of(new RetryContext(done, last.retryReason().orElseThrow(), last.retryData()));
    }

    /** Attempts finished in the current budget (the running one is not counted). */
    public int attemptsInBudget() {
        return current(history, budget).size();
    }

    /** The most recent attempt, empty before the first one. */
    public Optional<Attempt> lastAttempt() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** True when no further attempt will be made (succeeded, dead or filtered). */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** Why a DEAD delivery died, in one line; empty in other states. */
    public Optional<String> deadReason() {
        if (state != DeliveryState.DEAD) {
            return Optional.empty();
        }
        AttemptResult last = history.get(history.size() - 1).result();
        if (last instanceof AttemptResult.PermanentFailure) {
            return Optional.of(last.summary());
        }
        return Optional.of("no retries left after " + RetryPolicy.MAX_ATTEMPTS + " attempts; last: " + last.summary());
    }

    private Delivery settled(DeliveryState terminal, List<Attempt> after) {
        return new Delivery(terminal, budget, Optional.empty(), Optional.empty(), Optional.empty(), after);
    }

    private List<Attempt> append(Attempt attempt) {
        List<Attempt> after = new ArrayList<>(history);
        after.add(attempt);
        if (after.size() > RetryPolicy.MAX_HISTORY) {
            after.subList(0, after.size() - RetryPolicy.MAX_HISTORY).clear();
        }
        return after;
    }

    private DomainException notAllowed(String transition, String allowedWhen) {
        return DomainException.invalid("state", "cannot " + transition + " a delivery that is "
                + state.name().toLowerCase(Locale.ROOT) + "; only when " + allowedWhen);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("filterReason", "a filtered delivery needs a reason");
        }
        return Checks.detail(reason);
    }

    private static void present(String field, Optional<?> value, boolean expected, DeliveryState state) {
        Objects.requireNonNull(value, field);
        if (value.isPresent() != expected) {
            throw DomainException.invalid(field, field + (expected ? " is required" : " must be absent")
                    + " when the delivery is " + state);
        }
    }

    /** The attempts of the current budget: the tail of the history. */
    private static List<Attempt> current(List<Attempt> history, int budget) {
        int from = history.size();
        while (from > 0 && history.get(from - 1).budget() == budget) {
            from--;
        }
        return history.subList(from, history.size());
    }

    /** Budgets never go back, numbers count up from 1 in each, attempts never overlap. */
    private static void checkOrder(List<Attempt> history, int budget) {
        for (int i = 0; i < history.size(); i++) {
            Attempt attempt = history.get(i);
            if (attempt.budget() > budget) {
                throw DomainException.invalid("history", "an attempt belongs to a later budget than the delivery's");
            }
            if (i == 0) {
                continue;
            }
            Attempt previous = history.get(i - 1);
            boolean next = attempt.budget() == previous.budget()
                    ? attempt.number() == previous.number() + 1
                    : attempt.budget() > previous.budget() && attempt.number() == 1;
            if (!next || attempt.startedAt().isBefore(previous.endedAt())) {
                throw DomainException.invalid("history", "attempts are out of order at position " + (i + 1));
            }
        }
        List<Attempt> current = current(history, budget);
        if (!current.isEmpty() && current.get(0).number() != 1) {
            throw DomainException.invalid("history", "the current budget's first attempt is missing");
        }
    }

    private static void checkState(DeliveryState state, Optional<Instant> dueAt, Optional<Instant> startedAt,
                                   List<Attempt> current) {
        int done = current.size();
        Attempt last = done == 0 ? null : current.get(done - 1);
        boolean lastRetryable = last != null && last.result().isRetryable();
        boolean consistent = switch (state) {
            case PENDING, FILTERED -> done == 0;
            case IN_FLIGHT -> done == 0
                    || (done < RetryPolicy.MAX_ATTEMPTS && lastRetryable
                    && !startedAt.orElseThrow().isBefore(last.endedAt()));
            case RETRY_SCHEDULED -> done < RetryPolicy.MAX_ATTEMPTS && lastRetryable
                    && !dueAt.orElseThrow().isBefore(last.endedAt().plusSeconds(RetryPolicy.MIN_RETRY_AFTER))
                    && !dueAt.orElseThrow().isAfter(last.endedAt().plusSeconds(RetryPolicy.MAX_RETRY_AFTER));
            case SUCCEEDED -> last != null && last.result() instanceof AttemptResult.Succeeded;
            case DEAD -> last != null && (last.result() instanceof AttemptResult.PermanentFailure
                    || (done == RetryPolicy.MAX_ATTEMPTS && lastRetryable));
        };
        if (!consistent) {
            throw DomainException.invalid("state", "the attempts of the current budget do not fit state " + state);
        }
    }
}
