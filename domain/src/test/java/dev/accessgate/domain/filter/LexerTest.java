package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertFalse;
import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.staticError;
import static dev.accessgate.domain.filter.FilterTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LexerTest {

    @Test
    void everyEscapeDecodes() {
        assertTrue("'\\n\\t\\r\\0\\\\\\'\\\"\\`\\$'.length == 9");
        assertTrue("'\\u0041\\u00e9\\u00E9' == 'A\u00e9\u00e9'");
        assertTrue("\"it's\" == 'it\\'s'");
        assertThat(value("typeof '\\0'")).isEqualTo("String");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'\\x41' == 'A'", "'\\u41' == 'A'", "'\\u00G1' == 'A'", "'\\a'", "'\\", "'abc", "\"abc'",
        "'line\nbreak'", "'cr\rbreak'", "`abc", "`${1`", "`${1 + '}` == 1"})
    void badStringsAreSyntaxErrors(String expression) {
        staticError(expression, ErrorCode.E_SYNTAX);
    }

    @Test
    void numbers() {
        assertTrue("1.5e3 == 1500 && 1E3 == 1000 && 2e+2 == 200 && 5e-1 == 0.5 && 007 == 7");
        assertTrue("0.1 + 0.2 != 0.3");
        assertTrue("-1 < 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {".5 == 0.5", "1. == 1", "0x10 == 16", "1e == 1", "1e999 > 0", "1_000 == 1000"})
    void numbersWithoutTheGrammarShapeAreRejected(String expression) {
        staticError(expression, ErrorCode.E_SYNTAX);
    }

    @Test
    void numberFollowedByDotNameIsMemberAccess() {
        FilterTesting.runtimeError("1.foo == 1", ErrorCode.E_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event.issue.key === 'PRJ-1'", "event.issue.key !== 'x'", "1 = 1", "1 & 1", "1 | 1",
        "1 # 1", "1 @ 1", "1 \u00a0== 1", "1 \f== 1"})
    void unknownPunctuationIsASyntaxError(String expression) {
        staticError(expression, ErrorCode.E_SYNTAX);
    }

    @Test
    void strictEqualsGetsAHelpfulMessage() {
        FilterError error = staticError("event.issue.key === 'PRJ-1'", ErrorCode.E_SYNTAX);
        assertThat(error.message()).contains("==").contains("===");
        assertThat(error.column()).isEqualTo(19);
    }

    @Test
    void whitespaceIsSpaceTabCrLf() {
        assertTrue(" \t\r\n1\n==\t1 ");
    }

    @Test
    void templatesNestAndSkipStringsInsideEmbeddedExpressions() {
        assertTrue("`a${`b${'}'}c`}d` == 'ab}cd'");
        assertTrue("`${ {x: '{'}.x }` == '{'");
        assertTrue("`${\"`\"}` == '`'");
        assertTrue("`x${1 + 1}y${'z'}` == 'x2yz'");
        assertTrue("`$` == '$' && `$x` == '$x' && `\\${1}` == '${1}'");
        assertTrue("`two\nlines` == 'two\\nlines'");
        assertTrue("`` == ''");
    }

    @Test
    void emptyEmbeddedExpressionIsRejected() {
        staticError("`${}` == ''", ErrorCode.E_SYNTAX);
        staticError("`${1 2}` == ''", ErrorCode.E_SYNTAX);
    }

    @Test
    void keywordsAreNamesAfterDotsAndAsMapKeys() {
        assertTrue("{new: 1, if: 2, typeof: 3}.new == 1");
        assertTrue("{'a b': 1}['a b'] == 1");
        assertFalse("event.new != null");
        assertTrue("event.if == null && event?.return == null");
    }

    @Test
    void identifiersMayUseDollarAndUnderscore() {
        assertTrue("let $a_1 = 1; let _ = 2; $a_1 + _ == 3");
    }

    @Test
    void nonAsciiOutsideStringsIsRejectedWithItsCodePoint() {
        FilterError error = staticError("event.caf\u00e9 == 1", ErrorCode.E_SYNTAX);
        assertThat(error.message()).contains("U+00E9");
        assertThat(error.column()).isEqualTo(10);
    }
}
