package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertFalse;
import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static dev.accessgate.domain.filter.FilterTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorsTest {

    @Test
    void equalityIsDeepAndStructural() {
        assertTrue("[1, [2, {a: [3]}]] == [1, [2, {a: [3]}]]");
        assertTrue("{a: 1, b: {c: [true, null]}} == {b: {c: [true, null]}, a: 1}");
        assertFalse("[1, 2] == [2, 1]");
        assertFalse("{a: 1} == {a: 1, b: null}");
        assertFalse("{a: null} == {b: null}");
        assertTrue("event.issue.fields.components == [{name: 'API'}, {name: 'UI'}]");
        assertTrue("null == null && event.missing == null");
        assertTrue("event.issue.fields.storyPoints == 5.0");
    }

    @Test
    void differentTypesAreUnequalWithoutError() {
        assertFalse("1 == '1'");
        assertFalse("0 == false");
        assertFalse("'' == null");
        assertFalse("[] == {}");
        assertTrue("null != 0 && '1' != 1 && [] != ''");
    }

    @Test
    void remainderFollowsTheDividend() {
        assertThat(value("-7 % 3")).isEqualTo(-1.0);
        assertThat(value("7 % -3")).isEqualTo(1.0);
        assertThat(value("7.5 % 2")).isEqualTo(1.5);
        assertTrue("0 % 5 == 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 / 0 == 1", "0 / 0 == 1", "1 % 0 == 1", "1e308 * 10 > 0", "-1e308 - 1e308 < 0"})
    void divisionByZeroAndNonFiniteResultsAreTypeErrors(String expression) {
        runtimeError(expression, ErrorCode.E_TYPE);
    }

    @Test
    void stringsCompareByCodePoint() {
        assertTrue("'10' < '9' && 'apple' < 'banana' && 'a' < 'ab' && 'B' < 'a'");
        assertTrue("'abc' <= 'abc' && 'abc' >= 'abc' && !('abc' < 'abc')");
        // U+FF5E (one UTF-16 unit) sorts before U+1F600 (a surrogate pair) by code point,
        // although its UTF-16 unit is larger than the high surrogate.
        assertTrue("'\uff5e' < '\ud83d\ude00'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 < '2'", "null < 1", "[] < []", "true > false", "{} >= {}", "'a' <= null"})
    void relationalOperatorsNeedTwoNumbersOrTwoStrings(String expression) {
        FilterError error = runtimeError(expression, ErrorCode.E_TYPE);
        assertThat(error.message()).startsWith("can't compare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 + '1'", "'1' + 1", "null + 1", "[1] + [2]", "true + true", "'a' - 'b'", "2 * '3'",
        "-'1'", "-null", "-[]"})
    void arithmeticNeedsNumbers(String expression) {
        runtimeError(expression + " == 1", ErrorCode.E_TYPE);
    }

    @Test
    void plusConcatenatesStrings() {
        assertThat(value("'a' + 'b' + event.issue.key")).isEqualTo("abPRJ-1");
    }

    @Test
    void truthiness() {
        assertTrue("!false && !null && !0 && !'' && !-0");
        assertTrue("!!true && !!1 && !!'x' && !![] && !!{} && !!-1");
        assertThat(value("0 || 'x'")).isEqualTo("x");
        assertThat(value("'' && 'x'")).isEqualTo("");
        assertThat(value("[] && 'x'")).isEqualTo("x");
        assertThat(value("null ?? 0 ?? 1")).isEqualTo(0.0);
        assertThat(value("false ?? 1")).isEqualTo(false);
    }

    @Test
    void shortCircuitSkipsTheRightOperand() {
        assertFalse("false && event.missing.x");
        assertTrue("true || event.missing.x");
        assertTrue("('x' ?? event.missing.x) == 'x'");
        runtimeError("true && event.missing.x", ErrorCode.E_TYPE);
        runtimeError("null ?? event.missing.x", ErrorCode.E_TYPE);
    }

    @Test
    void typeofNamesEveryType() {
        assertTrue("typeof null == 'Null' && typeof true == 'Boolean' && typeof 1 == 'Number'"
                + " && typeof '' == 'String' && typeof [] == 'List' && typeof {} == 'Map'");
        assertTrue("typeof typeof 1 == 'String'");
    }

    @Test
    void conditionalUsesTruthinessAndEvaluatesOneBranch() {
        assertThat(value("event.zero ? event.missing.x : 'no'")).isEqualTo("no");
        assertThat(value("'s' ? 'yes' : event.missing.x")).isEqualTo("yes");
    }
}
