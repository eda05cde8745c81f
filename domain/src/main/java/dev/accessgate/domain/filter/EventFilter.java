package dev.accessgate.domain.filter;

import java.util.Objects;

/**
 * A configured filter: a compiled expression plus its {@code onError} policy.
 *
 * @param expression the compiled expression
 * @param onError what to do when the evaluation fails
 */
public record EventFilter(FilterExpression expression, OnError onError) {

    public EventFilter {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(onError, "onError");
    }

    /** {@code true} delivers without a log, {@code false} drops without a log, an error follows {@link #onError}. */
    public FilterDecision decide(Object event) {
        Evaluation evaluation = expression.evaluate(event);
        if (evaluation.isTrue()) {
            return new FilterDecision(true, false, evaluation);
        }
        if (evaluation.isFalse()) {
            return new FilterDecision(false, false, evaluation);
        }
        return new FilterDecision(onError.deliver(), onError.log(), evaluation);
    }
}
