package dev.accessgate.application.model;

import dev.accessgate.domain.filter.FilterExpression;
import dev.accessgate.domain.filter.OnError;
import java.util.Objects;

/**
 * A subscription's filter as configured (SPEC 3.3): the expression and what an evaluation
 * error means ({@link OnError} of the domain's filter language). The expression is evaluated
 * behind {@link dev.accessgate.application.port.out.DeliveryFilter}.
 */
public record FilterSpec(String expression, OnError onError) {

    /** Longest expression accepted, as Forge's. */
    public static final int MAX_EXPRESSION_LENGTH = FilterExpression.MAX_LENGTH;

    public FilterSpec {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(onError, "onError");
        if (expression.isBlank()) {
            throw new IllegalArgumentException("the filter expression is blank");
        }
        if (expression.length() > MAX_EXPRESSION_LENGTH) {
            throw new IllegalArgumentException("the filter expression has " + expression.length()
                    + " characters; at most " + MAX_EXPRESSION_LENGTH + " are allowed");
        }
    }
}
