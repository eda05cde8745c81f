package dev.accessgate.domain.filter;

/**
 * The outcome of evaluating a filter expression against one event.
 *
 * <p>Either the evaluation succeeded with a Boolean {@code value} and {@code error} is null, or
 * it failed and {@code error} says why. A non-Boolean final value is an {@code E-RESULT} error;
 * the value is kept (as an unmodifiable copy) for reporting.
 *
 * @param value the final value, or null when evaluation stopped on an error
 * @param error null on success
 * @param steps the steps used (never more than {@link FilterExpression#MAX_STEPS})
 */
public record Evaluation(Object value, FilterError error, int steps) {

    /** True when the evaluation stopped with an error (see {@link #error()}). */
    public boolean isError() {
        return error != null;
    }

    /** Whether the expression produced {@code true}: deliver the event. */
    public boolean isTrue() {
        return error == null && Boolean.TRUE.equals(value);
    }

    /** Whether the expression produced {@code false}: drop the event silently. */
    public boolean isFalse() {
        return error == null && Boolean.FALSE.equals(value);
    }
}
