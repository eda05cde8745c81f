package dev.accessgate.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared helpers of the filter tests. */
final class FilterTesting {

    private FilterTesting() {
    }

    /** The "Bug" payload of the spec's doc example, as nested Maps and Lists. */
    static Map<String, Object> bugEvent() {
        return map(
                "eventType", "avi:jira:updated:issue",
                "issue", map(
                        "key", "PRJ-1",
                        "fields", map(
                                "issueType", map("name", "Bug"),
                                "summary", "Crash on save",
                                "labels", List.of("backend", "urgent"),
                                "priority", map("name", "High"),
                                "storyPoints", 5,
                                "assignee", null,
                                "components", List.of(map("name", "API"), map("name", "UI")))),
                "nums", List.of(1, 2, 3, 4),
                "empty", List.of(),
                "emptyStr", "",
                "zero", 0);
    }

    /** A mutable, null-tolerant map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return Arrays.asList(items);
    }

    static Evaluation eval(String expression, Object event) {
        return FilterExpression.compile(expression).evaluate(event);
    }

    static Evaluation eval(String expression) {
        return eval(expression, bugEvent());
    }

    /** The value of a successful evaluation (a Boolean) or of an E-RESULT error (anything else). */
    static Object value(String expression) {
        return value(expression, bugEvent());
    }

    static Object value(String expression, Object event) {
        Evaluation e = eval(expression, event);
        if (e.isError()) {
            assertThat(e.error().code()).as("error of %s: %s", expression, e.error()).isEqualTo(ErrorCode.E_RESULT);
        }
        return e.value();
    }

    static void assertTrue(String expression) {
        Evaluation e = eval(expression);
        assertThat(e.isTrue()).as("%s gave %s", expression, e).isTrue();
    }

    static void assertFalse(String expression) {
        Evaluation e = eval(expression);
        assertThat(e.isFalse()).as("%s gave %s", expression, e).isTrue();
    }

    /** Asserts a runtime error of {@code code} and returns it. */
    static FilterError runtimeError(String expression, ErrorCode code) {
        return runtimeError(expression, bugEvent(), code);
    }

    static FilterError runtimeError(String expression, Object event, ErrorCode code) {
        Evaluation e = eval(expression, event);
        assertThat(e.error()).as("%s gave %s", expression, e.value()).isNotNull();
        assertThat(e.error().code()).as("%s", e.error()).isEqualTo(code);
        return e.error();
    }

    /** Asserts a compile-time error of {@code code} and returns it. */
    static FilterError staticError(String expression, ErrorCode code) {
        FilterException e = catchThrowableOfType(FilterException.class, () -> FilterExpression.compile(expression));
        assertThat(e).as("compile(%s) should fail with %s", expression, code).isNotNull();
        assertThat(e.error().code()).as("%s", e.error()).isEqualTo(code);
        return e.error();
    }
}
