package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.eval;
import static dev.accessgate.domain.filter.FilterTesting.list;
import static dev.accessgate.domain.filter.FilterTesting.map;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How Java values passed as the event are read. */
class InputValuesTest {

    @Test
    void anyNumberReadsAsADouble() {
        Map<String, Object> event = map("i", 5, "l", 5L, "d", 5.0, "f", 5.0f, "b", new BigDecimal("5.00"),
                "g", BigInteger.valueOf(5), "s", (short) 5);
        assertThat(eval("event.i == event.l && event.l == event.d && event.d == event.f && event.f == event.b"
                + " && event.b == event.g && event.g == event.s && event.i + event.b == 10", event).isTrue()).isTrue();
        assertThat(eval("[5] == [event.i] && {n: 5} == {n: event.l} && `${event.b}` == '5'", event).isTrue()).isTrue();
    }

    @Test
    void unsupportedJavaValuesAreTypeErrorsWhenTouched() {
        Map<String, Object> event = map("date", new Date(0), "ch", 'c', "ok", true);
        assertThat(eval("event.ok", event).isTrue()).isTrue();
        FilterError error = runtimeError("event.date == 1", event, ErrorCode.E_TYPE);
        assertThat(error.message()).contains("java.util.Date");
        runtimeError("typeof event.ch == 'String'", event, ErrorCode.E_TYPE);
        runtimeError("!event.date", event, ErrorCode.E_TYPE);
        runtimeError("event.date", event, ErrorCode.E_TYPE);
        runtimeError("[event.date] == [1]", event, ErrorCode.E_TYPE);
    }

    @Test
    void nonStringMapKeysAreTypeErrorsWhenCompared() {
        Map<Object, Object> odd = new HashMap<>();
        odd.put(1, "x");
        runtimeError("event.odd == {a: 'x'}", map("odd", odd), ErrorCode.E_TYPE);
    }

    @Test
    void cyclicValuesGiveErrorsNotStackOverflows() {
        Map<String, Object> cyclic = new HashMap<>();
        cyclic.put("self", cyclic);
        assertThat(eval("event.self.self.self.x == null", cyclic).isTrue()).isTrue();
        FilterError compare = runtimeError("event == event.self", cyclic, ErrorCode.E_TYPE);
        assertThat(compare.message()).contains("nested");
        runtimeError("event.self", cyclic, ErrorCode.E_TYPE);
    }

    @Test
    void anyEventValueIsAccepted() {
        assertThat(eval("typeof event == 'Null'", null).isTrue()).isTrue();
        assertThat(eval("typeof event == 'List' && event[1] == 'b'", List.of("a", "b")).isTrue()).isTrue();
        runtimeError("event.x == 1", "a string event", ErrorCode.E_TYPE);
        runtimeError("event.x == 1", new Object(), ErrorCode.E_TYPE);
    }

    @Test
    void failingForeignMapsGiveATypeError() {
        Map<String, Object> broken = new AbstractMap<>() {
            @Override
            public Set<Entry<String, Object>> entrySet() {
                throw new UnsupportedOperationException("broken");
            }

            @Override
            public Object get(Object key) {
                throw new IllegalStateException("broken");
            }
        };
        FilterError error = runtimeError("event.x == 1", broken, ErrorCode.E_TYPE);
        assertThat(error.message()).contains("could not be read");
    }

    @Test
    void nonBooleanResultsAreUnmodifiableCopiesWithDoubles() {
        Evaluation e = eval("event.m", map("m", map("n", 1, "l", list(2L, null, "s"))));
        assertThat(e.error().code()).isEqualTo(ErrorCode.E_RESULT);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = (Map<String, Object>) e.value();
        assertThat(value).containsEntry("n", 1.0);
        assertThat(value.get("l")).isEqualTo(list(2.0, null, "s"));
        assertThatThrownBy(() -> value.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        List<Object> inner = (List<Object>) value.get("l");
        assertThatThrownBy(() -> inner.add(1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builtListsAndMapsAreUnmodifiable() {
        Object list = eval("[1, 2].map(x => x)").value();
        assertThatThrownBy(() -> ((List<?>) list).clear()).isInstanceOf(UnsupportedOperationException.class);
        Object built = eval("{a: [1]}").value();
        assertThatThrownBy(() -> ((Map<?, ?>) built).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theEventIsNeverModified() {
        Map<String, Object> event = FilterTesting.bugEvent();
        String before = event.toString();
        eval("event.issue.fields.labels.map(l => l.toUpperCase()).slice(0, 1).flatten().length > 0", event);
        assertThat(event.toString()).isEqualTo(before);
    }
}
