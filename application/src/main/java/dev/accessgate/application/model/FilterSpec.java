package dev.accessgate.application.model;

import java.util.Objects;

/**
 * A subscription's filter as configured (SPEC 3.3): the expression and what an evaluation
 * error means. The expression language itself is evaluated behind
 * {@link dev.accessgate.application.port.out.DeliveryFilter}.
 */
public record FilterSpec(String expression, OnError onError) {

    /** Longest expression accepted, as Forge's. */
    public static final int MAX_EXPRESSION_LENGTH = 10_000;

    /** What happens when the expression fails or does not give a boolean. */
    public enum OnError {
        /** Drop the event and log why (the default). */
        IGNORE_AND_LOG,
        /** Drop the event quietly. */
        IGNORE,
        /** Deliver the event and log why. */
        RECEIVE_AND_LOG,
        /** Deliver the event quietly. */
        RECEIVE;

        public boolean delivers() {
            return this == RECEIVE || this == RECEIVE_AND_LOG;
        }

        public boolean logs() {
            return this == IGNORE_AND_LOG || this == RECEIVE_AND_LOG;
        }
    }

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
