package dev.accessgate.application.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.model.FilterSpec;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryFilter.Verdict;
import dev.accessgate.application.port.out.DeliveryFilterCompiler;
import dev.accessgate.domain.filter.OnError;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeliveryFilterCompiler} (and the {@link DeliveryFilter}s it makes) must do:
 * refuse a bad expression when the subscription is configured, bind the event JSON to
 * {@code event}, deliver on {@code true}, drop silently on {@code false}, and apply the
 * subscription's {@link OnError} to an evaluation error (docs/filter-language.md). Extend it
 * with your filter engine.
 */
public abstract class DeliveryFilterCompilerContractTest {

    private static final String ONE = "{\"id\":\"e-1\",\"data\":{\"n\":1}}";
    private static final String TWO = "{\"id\":\"e-2\",\"data\":{\"n\":2}}";

    /** The engine under test. */
    protected abstract DeliveryFilterCompiler compiler();

    private DeliveryFilter filter(String expression, OnError onError) {
        return compiler().compile("issues", new FilterSpec(expression, onError));
    }

    @Test
    void an_expression_that_does_not_parse_is_refused_at_configuration() {
        assertThatThrownBy(() -> filter("event.data.n ==", OnError.RECEIVE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_event_json_is_bound_to_event_and_true_delivers() {
        DeliveryFilter filter = filter("event.data.n == 1", OnError.IGNORE_AND_LOG);

        assertThat(filter.decide(ONE)).isEqualTo(Verdict.DELIVER);
    }

    @Test
    void false_drops_the_event_with_a_reason_and_without_a_log() {
        Verdict verdict = filter("event.data.n == 1", OnError.IGNORE_AND_LOG).decide(TWO);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Drop.class, drop -> {
            assertThat(drop.log()).isFalse();
            assertThat(drop.reason()).isNotBlank();
        });
    }

    @Test
    void an_evaluation_error_follows_on_error() {
        String notBoolean = "event.data.n";

        // Each verdict says that onError decided it (error = true), so metrics can count it apart.
        assertThat(filter(notBoolean, OnError.RECEIVE).decide(ONE)).isEqualTo(Verdict.deliverAfterError());
        assertThat(filter(notBoolean, OnError.RECEIVE_AND_LOG).decide(ONE)).isEqualTo(Verdict.deliverAfterError());
        assertThat(filter(notBoolean, OnError.IGNORE).decide(ONE)).isInstanceOfSatisfying(Verdict.Drop.class,
                drop -> assertThat(drop.log()).isFalse());
        assertThat(filter(notBoolean, OnError.IGNORE_AND_LOG).decide(ONE)).isInstanceOfSatisfying(Verdict.Drop.class,
                drop -> assertThat(drop.log()).isTrue());
        assertThat(filter(notBoolean, OnError.IGNORE).decide(ONE).error()).isTrue();
        assertThat(filter("event.data.n == 2", OnError.IGNORE).decide(ONE).error()).as("a plain false").isFalse();
    }

    @Test
    void one_compiled_filter_decides_each_event_on_its_own() {
        DeliveryFilter filter = filter("event.data.n == 2", OnError.IGNORE);

        assertThat(filter.decide(ONE)).isInstanceOf(Verdict.Drop.class);
        assertThat(filter.decide(TWO)).isEqualTo(Verdict.DELIVER);
        assertThat(filter.decide(ONE)).isInstanceOf(Verdict.Drop.class);
    }
}
