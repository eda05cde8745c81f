package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.bugEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventFilterTest {

    @ParameterizedTest
    @CsvSource({
        // onError,        expression outcome, deliver, log
        "IGNORE_AND_LOG,   true,  true,  false",
        "IGNORE_AND_LOG,   false, false, false",
        "IGNORE_AND_LOG,   error, false, true",
        "IGNORE_AND_LOG,   result, false, true",
        "IGNORE,           true,  true,  false",
        "IGNORE,           false, false, false",
        "IGNORE,           error, false, false",
        "IGNORE,           result, false, false",
        "RECEIVE_AND_LOG,  true,  true,  false",
        "RECEIVE_AND_LOG,  false, false, false",
        "RECEIVE_AND_LOG,  error, true,  true",
        "RECEIVE_AND_LOG,  result, true,  true",
        "RECEIVE,          true,  true,  false",
        "RECEIVE,          false, false, false",
        "RECEIVE,          error, true,  false",
        "RECEIVE,          result, true,  false"})
    void decisions(String onError, String outcome, boolean deliver, boolean log) {
        String expression = switch (outcome) {
            case "true" -> "event.issue.fields?.issueType.name == 'Bug'";
            case "false" -> "event.issue.fields?.issueType.name == 'Story'";
            case "error" -> "event.issue.fields.assignee.displayName == 'Ann'";
            default -> "event.issue.key";
        };
        EventFilter filter = new EventFilter(FilterExpression.compile(expression), OnError.parse(onError));
        FilterDecision decision = filter.decide(bugEvent());
        assertThat(decision.deliver()).isEqualTo(deliver);
        assertThat(decision.log()).isEqualTo(log);
        assertThat(decision.evaluation().isError()).isEqualTo(outcome.equals("error") || outcome.equals("result"));
    }

    @Test
    void onErrorFlags() {
        assertThat(OnError.IGNORE_AND_LOG.deliver()).isFalse();
        assertThat(OnError.IGNORE_AND_LOG.log()).isTrue();
        assertThat(OnError.IGNORE.deliver()).isFalse();
        assertThat(OnError.IGNORE.log()).isFalse();
        assertThat(OnError.RECEIVE_AND_LOG.deliver()).isTrue();
        assertThat(OnError.RECEIVE_AND_LOG.log()).isTrue();
        assertThat(OnError.RECEIVE.deliver()).isTrue();
        assertThat(OnError.RECEIVE.log()).isFalse();
    }

    @Test
    void parseAcceptsTheExactNames() {
        for (OnError value : OnError.values()) {
            assertThat(OnError.parse(value.name())).isSameAs(value);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ignore", "Ignore_And_Log", " IGNORE", "IGNORE ", "RECEIVE-AND-LOG", "DROP"})
    void parseRejectsAnythingElse(String value) {
        assertThatThrownBy(() -> OnError.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IGNORE_AND_LOG");
    }

    @Test
    void errorCodesAreWrittenWithDashes() {
        assertThat(ErrorCode.E_STEPS.code()).isEqualTo("E-STEPS");
        assertThat(ErrorCode.E_RESULT.code()).isEqualTo("E-RESULT");
        assertThat(ErrorCode.E_UNSUPPORTED.code()).isEqualTo("E-UNSUPPORTED");
    }

    @Test
    void anErrorResultKeepsTheValue() {
        Evaluation e = FilterExpression.compile("event.issue.key").evaluate(bugEvent());
        assertThat(e.isError()).isTrue();
        assertThat(e.isTrue()).isFalse();
        assertThat(e.isFalse()).isFalse();
        assertThat(e.value()).isEqualTo("PRJ-1");
        assertThat(e.error().code()).isEqualTo(ErrorCode.E_RESULT);
    }
}
