package dev.accessgate.adapters.http.filter;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.FilterSpec;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryFilterCompiler;
import dev.accessgate.domain.filter.Evaluation;
import dev.accessgate.domain.filter.EventFilter;
import dev.accessgate.domain.filter.FilterDecision;
import dev.accessgate.domain.filter.FilterException;
import dev.accessgate.domain.filter.FilterExpression;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles a subscription's filter once, at startup (a bad expression stops the start with
 * its error and position), and evaluates it per event with the domain's filter language. The
 * event is bound to {@code event} as the handler will receive it: a CloudEvent as a whole, a
 * Forge payload as sent. Evaluation errors follow {@code onError}; a log line never carries
 * the payload.
 */
public final class ExpressionFilters implements DeliveryFilterCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(ExpressionFilters.class);

    @Override
    public DeliveryFilter compile(String subscription, FilterSpec spec) {
        FilterExpression expression;
        try {
            expression = FilterExpression.compile(spec.expression());
        } catch (FilterException e) {
            throw new IllegalArgumentException(e.error().toString());
        }
        EventFilter filter = new EventFilter(expression, spec.onError());
        return eventJson -> decide(subscription, filter, eventJson);
    }

    private static DeliveryFilter.Verdict decide(String subscription, EventFilter filter, String eventJson) {
        Object event;
        try {
            event = JsonTreeReader.read(eventJson.getBytes(StandardCharsets.UTF_8));
        } catch (ProblemException e) {
            // Stored events are always JSON; should one not be, onError decides as for any error.
            return filter.onError().deliver() ? DeliveryFilter.Verdict.deliverAfterError()
                    : DeliveryFilter.Verdict.dropAfterError("the event is not JSON: " + e.getMessage(),
                    filter.onError().log());
        }
        FilterDecision decision = filter.decide(event);
        Evaluation evaluation = decision.evaluation();
        boolean error = evaluation.isError(); // a non-Boolean result is an error too (E-RESULT)
        if (decision.deliver()) {
            if (decision.log()) {
                LOG.info("subscription {}: filter error, event delivered (onError {}): {} after {} steps",
                        subscription, filter.onError(), evaluation.error(), evaluation.steps());
            }
            return error ? DeliveryFilter.Verdict.deliverAfterError() : DeliveryFilter.Verdict.DELIVER;
        }
        if (!error) {
            return DeliveryFilter.Verdict.drop("the filter expression is false", decision.log());
        }
        return DeliveryFilter.Verdict.dropAfterError("filter error (onError " + filter.onError() + "): "
                + evaluation.error() + " after " + evaluation.steps() + " steps", decision.log());
    }
}
