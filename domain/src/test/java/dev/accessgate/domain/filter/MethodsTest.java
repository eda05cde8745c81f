package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertFalse;
import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static dev.accessgate.domain.filter.FilterTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MethodsTest {

    @Test
    void length() {
        assertTrue("event.nums.length == 4 && [].length == 0 && ''.length == 0 && 'abc'.length == 3");
        assertTrue("'\ud83d\ude00!'.length == 2");
    }

    @Test
    void map() {
        assertThat(value("event.nums.map(x => x * 10)")).isEqualTo(List.of(10.0, 20.0, 30.0, 40.0));
        assertThat(value("[].map(x => x)")).isEqualTo(List.of());
    }

    @Test
    void filter() {
        assertThat(value("event.nums.filter(x => x % 2)")).isEqualTo(List.of(1.0, 3.0));
        assertThat(value("['', 'a', null, 0, []].filter(x => x)")).isEqualTo(List.of("a", List.of()));
    }

    @Test
    void someAndEvery() {
        assertTrue("event.nums.some(x => x > 3) && !event.nums.some(x => x > 4)");
        assertTrue("event.nums.every(x => x > 0) && !event.nums.every(x => x > 1)");
        assertTrue("![].some(x => true) && [].every(x => false)");
    }

    @Test
    void someAndEveryStopEarly() {
        assertTrue("[1, 0].some(x => 1 / x)");
        assertFalse("[0, 1].every(x => x && 1 / x)");
        assertTrue("[2, 0].find(x => 4 / x == 2) == 2");
    }

    @Test
    void find() {
        assertTrue("event.issue.fields.components.find(c => c.name == 'UI') == {name: 'UI'}");
        assertTrue("event.nums.find(x => x > 9) == null");
    }

    @Test
    void flatMap() {
        assertThat(value("[1, 2].flatMap(x => [x, [x]])")).isEqualTo(List.of(1.0, List.of(1.0), 2.0, List.of(2.0)));
        assertThat(value("[1, 2].flatMap(x => x)")).isEqualTo(List.of(1.0, 2.0));
        assertThat(value("[1, 2].flatMap(x => [])")).isEqualTo(List.of());
    }

    @Test
    void reduce() {
        assertTrue("event.nums.reduce((acc, x) => acc + x, 0) == 10");
        assertTrue("[].reduce((acc, x) => acc + x, 'init') == 'init'");
        assertTrue("['a', 'b'].reduce((acc, x) => acc + x, '') == 'ab'");
    }

    @Test
    void includesAndIndexOfUseDeepEquality() {
        assertTrue("event.issue.fields.components.includes({name: 'UI'})");
        assertTrue("[[1], [2]].indexOf([2]) == 1 && [1].indexOf('1') == -1");
        assertTrue("[null].includes(null) && ![1].includes(true)");
    }

    @Test
    void listSlice() {
        assertThat(value("[1, 2, 3, 4].slice(1, 3)")).isEqualTo(List.of(2.0, 3.0));
        assertThat(value("[1, 2, 3, 4].slice(-2)")).isEqualTo(List.of(3.0, 4.0));
        assertThat(value("[1, 2, 3, 4].slice(-10, 10)")).isEqualTo(List.of(1.0, 2.0, 3.0, 4.0));
        assertThat(value("[1, 2, 3, 4].slice(3, 1)")).isEqualTo(List.of());
        assertThat(value("[1, 2, 3, 4].slice(1, -1)")).isEqualTo(List.of(2.0, 3.0));
    }

    @Test
    void flatten() {
        assertThat(value("[1, [2, [3]], [], 'x'].flatten()")).isEqualTo(List.of(1.0, 2.0, List.of(3.0), "x"));
    }

    @Test
    void caseAndTrim() {
        assertTrue("'AbC'.toLowerCase() == 'abc' && 'AbC'.toUpperCase() == 'ABC'");
        assertTrue("'TITLE'.toLowerCase() == 'title' && 'i'.toUpperCase() == 'I'");
        assertTrue("' \\t\\r\\n x y \\n'.trim() == 'x y'");
        assertTrue("'\u00a0x'.trim() == '\u00a0x'");
    }

    @Test
    void stringSearch() {
        assertTrue("'hello'.includes('ell') && 'hello'.includes('') && !'hello'.includes('L')");
        assertTrue("'hello'.startsWith('he') && 'hello'.endsWith('lo') && !'hello'.startsWith('lo')");
        assertTrue("'hello'.indexOf('l') == 2 && 'hello'.indexOf('z') == -1 && 'hello'.indexOf('') == 0");
        assertTrue("'\ud83d\ude00ab'.indexOf('b') == 2");
    }

    @Test
    void stringSliceCountsCodePoints() {
        assertTrue("'hello'.slice(1, 3) == 'el' && 'hello'.slice(-3) == 'llo' && 'hello'.slice(4, 2) == ''");
        assertTrue("'\ud83d\ude00ab'.slice(1) == 'ab' && '\ud83d\ude00ab'.slice(0, 1) == '\ud83d\ude00'");
    }

    @Test
    void split() {
        assertThat(value("'a,b,,c,'.split(',')")).isEqualTo(List.of("a", "b", "", "c", ""));
        assertThat(value("'a\ud83d\ude00b'.split('')")).isEqualTo(List.of("a", "\ud83d\ude00", "b"));
        assertThat(value("'abc'.split('abc')")).isEqualTo(List.of("", ""));
        assertThat(value("''.split(',')")).isEqualTo(List.of(""));
        assertThat(value("''.split('')")).isEqualTo(List.of());
        assertThat(value("'a.b'.split('.')")).isEqualTo(List.of("a", "b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "event.nums.map()", "event.nums.map(x => x, x => x)", "event.nums.map(1)", "event.nums.map((a, b) => a)",
        "event.nums.map(() => 1)", "event.nums.filter(x => x, 1)", "event.nums.some()", "event.nums.every(1)",
        "event.nums.find((a, b) => a)", "event.nums.flatMap()", "event.nums.reduce((a, b) => a)",
        "event.nums.reduce(x => x, 0)", "event.nums.reduce(0, (a, b) => a)", "event.nums.reduce((a, b) => a, 0, 1)",
        "event.nums.includes()", "event.nums.includes(1, 2)", "event.nums.includes(x => x)", "event.nums.indexOf()",
        "event.nums.slice()", "event.nums.slice(1, 2, 3)", "event.nums.slice('1')", "event.nums.slice(1.5)",
        "event.nums.slice(0, null)", "event.nums.flatten(1)", "'a'.toLowerCase(1)", "'a'.toUpperCase('x')", "'a'.trim(1)",
        "'a'.includes()", "'a'.includes(1)", "'a'.startsWith(null)", "'a'.endsWith(['a'])", "'a'.indexOf(x => x)",
        "'a'.slice()", "'a'.slice(0.5)", "'a'.split()", "'a'.split(1)", "'a'.split(',', 1)",
        "event.nums.foo()", "'a'.map(x => x)", "event.issue.keys()", "(1).toString()", "true.valueOf()",
        "null.includes(1)", "event.missing.includes(1)", "event.nums.map(x => x.foo)", "[[1]].flatten().toUpperCase()"})
    void wrongCallsAreTypeErrors(String expression) {
        runtimeError("(" + expression + ") == 1", ErrorCode.E_TYPE);
    }

    @Test
    void wrongCallsAreCatchable() {
        assertTrue("try { event.nums.map(1) } catch (e) { e.includes('arrow') }");
    }

    @Test
    void methodsAreNotProperties() {
        FilterError error = runtimeError("event.nums.map == null", ErrorCode.E_TYPE);
        assertThat(error.message()).contains("method");
        runtimeError("'abc'.x == null", ErrorCode.E_TYPE);
        runtimeError("(5).length == null", ErrorCode.E_TYPE);
    }

    @Test
    void callbacksSeeTheEnclosingNames() {
        assertTrue("let k = 2; event.nums.filter(x => x > k).length == 2");
        assertTrue("event.nums.some(a => event.nums.some(b => a * b == 12))");
    }

    @Test
    void argumentsAreEvaluatedBeforeTheCall() {
        runtimeError("event.nums.includes(event.missing.x)", ErrorCode.E_TYPE);
    }
}
