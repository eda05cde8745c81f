package dev.accessgate.domain.filter;

import java.util.Objects;

/**
 * What to do with one event: deliver it or not, and whether to publish a log entry.
 *
 * @param deliver invoke the function or endpoint
 * @param log publish a log entry (only ever for an evaluation error)
 * @param evaluation the evaluation this decision rests on
 */
public record FilterDecision(boolean deliver, boolean log, Evaluation evaluation) {

    public FilterDecision {
        Objects.requireNonNull(evaluation, "evaluation");
    }
}
