package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.assertFalse;
import static dev.accessgate.domain.filter.FilterTesting.assertTrue;
import static dev.accessgate.domain.filter.FilterTesting.runtimeError;
import static dev.accessgate.domain.filter.FilterTesting.staticError;
import static dev.accessgate.domain.filter.FilterTesting.value;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrammarTest {

    private static String shape(String expression) {
        return Shapes.shape(expression);
    }

    @Test
    void precedenceFollowsTheSpec() {
        assertThat(shape("a + b * c == d && a < b || e ?? f"))
                .isEqualTo("(((((a + (b * c)) == d) && (a < b)) || e) ?? f)");
        assertThat(shape("!a.b == -c[0] * typeof d")).isEqualTo("((! {a.b}) == ((- {c[0.0]}) * (typeof d)))");
        assertThat(shape("a - b + c")).isEqualTo("((a - b) + c)");
        assertThat(shape("a || b && c || d")).isEqualTo("((a || (b && c)) || d)");
        assertThat(shape("a == b < c + d % e")).isEqualTo("(a == (b < (c + (d % e))))");
        assertThat(shape("-a.b(c)?.d")).isEqualTo("(- {a.b(c)?.d})");
        assertTrue("1 + 2 * 3 == 7 && (1 + 2) * 3 == 9");
        assertTrue("10 - 4 - 3 == 3 && 64 / 4 / 2 == 8");
        assertTrue("1 < 2 == true");
        assertTrue("!false == true");
        assertThat(value("-2 * -3")).isEqualTo(6.0);
        assertThat(value("typeof 1 + 'x'")).isEqualTo("Numberx");
    }

    @Test
    void conditionalIsRightAssociative() {
        assertThat(shape("a ? b : c ? d : e")).isEqualTo("(a ? b : (c ? d : e))");
        assertThat(shape("a ? b ? c : d : e")).isEqualTo("(a ? (b ? c : d) : e)");
        assertThat(shape("(a ? b : c) ? d : e")).isEqualTo("((a ? b : c) ? d : e)");
        assertThat(value("false ? 1 : true ? 2 : 3")).isEqualTo(2.0);
        assertThat(value("true ? false ? 1 : 2 : 3")).isEqualTo(2.0);
    }

    @Test
    void throwBindsLooserThanCoalesceButTighterThanConditional() {
        assertThat(shape("throw a ?? b")).isEqualTo("(throw (a ?? b))");
        assertThat(shape("c ? throw 'x' : true")).isEqualTo("(c ? (throw 'x') : true)");
        assertThat(shape("throw a ? b : c")).isEqualTo("((throw a) ? b : c)");
        assertTrue("try { throw null ?? 'm' } catch (e) { e == 'm' }");
    }

    @Test
    void ifNeedsElse() {
        FilterError error = staticError("if (true) { true }", ErrorCode.E_SYNTAX);
        assertThat(error.message()).contains("else");
        staticError("if (true) { true } else if (false) { false }", ErrorCode.E_SYNTAX);
        assertTrue("if (false) { false } else if (event.zero) { false } else { true }");
        assertTrue("if (event.issue.fields.storyPoints > 3) { let p = event.issue.fields.priority; p.name == 'High' }"
                + " else { false }");
    }

    @ParameterizedTest
    @ValueSource(strings = {"let f = x => x; true", "x => true", "(x) => true", "() => true", "(a, b) => true",
        "[x => 1].length == 1", "{f: x => 1} != null", "event.nums.map(x => y => 1).length == 4"})
    void arrowsAreOnlyMethodArguments(String expression) {
        FilterError error = staticError(expression, ErrorCode.E_SYNTAX);
        assertThat(error.message()).contains("arrow");
    }

    @ParameterizedTest
    @ValueSource(strings = {"event(1)", "(event.nums.map)(x => x)", "event.nums[0](1)",
        "foo()"})
    void freeCallsAreRejected(String expression) {
        FilterError error = staticError(expression, ErrorCode.E_SYNTAX);
        assertThat(error.message()).contains("methods");
    }

    @Test
    void arrowsTakeParenthesisedParameterLists() {
        assertTrue("event.nums.map((x) => x * 2)[3] == 8");
        assertTrue("event.nums.reduce((a, b) => a + b, 0) == 10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "true;;", "true true", "let x = 1", "let x = 1;", "x = 1; ", "[1, 2,].length == 2",
        "f(1,)", "{a: 1,}.a == 1", "{a 1}", "{1: 2}", "{[a]: 1}", "{a}", "(1, 2)", "try { true }", "try { true } catch e { true }",
        "catch (e) { true }", "else { true }", "if true { true } else { false }", "return", "let = 1; true", "let if = 1; true",
        "event.", "event?.", "event?.(1)", "event..a", "event[1", "[1", "(1", "{a: 1", "1 +", "!", "true ? 1", "true ? 1 :",
        "event.nums.map(x => )", "event.nums.map(x =>", "event.nums.map(, x => x)", "...event", "a in b", "'key' in event",
        "let a = 1; return let b = 2; true", "{ true }", "if (true) { } else { true }"})
    void malformedProgramsAreSyntaxErrors(String expression) {
        staticError(expression, ErrorCode.E_SYNTAX);
    }

    @Test
    void declaringEventOrAKeywordOrDuplicateParametersIsASyntaxError() {
        staticError("let event = 1; true", ErrorCode.E_SYNTAX);
        staticError("event = 1; true", ErrorCode.E_SYNTAX);
        staticError("event.nums.some(event => true)", ErrorCode.E_SYNTAX);
        staticError("try { true } catch (event) { true }", ErrorCode.E_SYNTAX);
        staticError("let null = 1; true", ErrorCode.E_SYNTAX);
        staticError("let typeof = 1; true", ErrorCode.E_SYNTAX);
        FilterError duplicate = staticError("event.nums.reduce((a, a) => a, 0) == 0", ErrorCode.E_SYNTAX);
        assertThat(duplicate.message()).contains("duplicate");
    }

    @Test
    void newIsUnsupported() {
        staticError("new Date() != null", ErrorCode.E_UNSUPPORTED);
        staticError("event.nums.some(x => new Map())", ErrorCode.E_UNSUPPORTED);
    }

    @Test
    void namesMustBeBound() {
        for (String name : new String[] {"issue", "project", "user", "app", "issues", "customerRequest", "Math"}) {
            FilterError error = staticError(name + " != null", ErrorCode.E_REFERENCE);
            assertThat(error.message()).contains("'" + name + "'");
        }
        staticError("event.nums.map(x => x).length == 4 && x == 1", ErrorCode.E_REFERENCE);
        staticError("let a = a; true", ErrorCode.E_REFERENCE);
        staticError("try { true } catch (e) { true } && e", ErrorCode.E_SYNTAX);
        staticError("if (true) { let v = 1; true } else { v == 1 }", ErrorCode.E_REFERENCE);
    }

    @Test
    void syntaxErrorsWinOverReferenceErrors() {
        staticError("user == 1 ===", ErrorCode.E_SYNTAX);
    }

    @Test
    void declarationsAreSequentialAndShadow() {
        assertTrue("let a = 1; let b = a + 1; let a = b * 10; a == 20");
        assertTrue("let x = 5; event.nums.map(x => x * 2)[0] == 2 && x == 5");
        assertTrue("let x = 1; if (true) { let x = 2; x == 2 } else { false }");
        assertTrue("let x = 1; try { let x = 2; throw 'e' } catch (x) { x == 'e' }");
        assertTrue("event.nums.some(x => event.nums.some(x => x == 4))");
        assertTrue("let f = event.issue.fields; return f.labels.length > 1;");
    }

    @Test
    void declarationsRunEvenWhenUnused() {
        runtimeError("let unused = event.missing.x; true", ErrorCode.E_TYPE);
    }

    @Test
    void mapLiteralIsAnArrowBody() {
        assertTrue("event.issue.fields.components.map(c => {n: c.name})[1].n == 'UI'");
        assertTrue("event.issue.fields.components.map(c => { n: c.name, 'x y': 1 })[0] == {'x y': 1, n: 'API'}");
    }

    @Test
    void statementsMayBeParenthesisedExpressions() {
        assertTrue("({a: 1}).a == 1");
        assertFalse("(false)");
        assertTrue("return (true);");
    }
}
