package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.eval;
import static dev.accessgate.domain.filter.FilterTesting.map;
import static dev.accessgate.domain.filter.FilterTesting.staticError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Length, nesting, stack and allocation limits. */
class LimitsTest {

    /** {@code 'aaa…' == 'aaa…'}-free filler: a string literal of the given total length that evaluates to true. */
    private static String ofLength(int length, String letter) {
        String suffix = "'.length > 0";
        return "'" + letter.repeat(length - 1 - suffix.length()) + suffix;
    }

    @Test
    void tenThousandCodePointsAreAcceptedAndOneMoreIsNot() {
        String exact = ofLength(10_000, "a");
        assertThat(exact.length()).isEqualTo(10_000);
        assertThat(FilterExpression.compile(exact).evaluate(null).isTrue()).isTrue();
        FilterError error = staticError(ofLength(10_001, "a"), ErrorCode.E_LENGTH);
        assertThat(error.column()).isEqualTo(10_001);
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        String emoji = "\ud83d\ude00";
        String exact = ofLength(10_000, emoji);
        assertThat(exact.codePointCount(0, exact.length())).isEqualTo(10_000);
        assertThat(FilterExpression.compile(exact).evaluate(null).isTrue()).isTrue();
        staticError(ofLength(10_001, emoji), ErrorCode.E_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[", "{a: ", "`${", "event.nums.includes(", "event.nums[", "event.nums.some(x => "})
    void depth128IsAcceptedAnd129IsNot(String opener) {
        String closer = switch (opener) {
            case "(", "event.nums.includes(", "event.nums.some(x => " -> ")";
            case "[", "event.nums[" -> "]";
            case "{a: " -> "}";
            default -> "}`";
        };
        String ok = "typeof " + opener.repeat(128) + "1" + closer.repeat(128) + " != ''";
        assertThat(FilterExpression.compile(ok)).isNotNull();
        FilterError error = staticError("typeof " + opener.repeat(129) + "1" + closer.repeat(129) + " != ''",
                ErrorCode.E_DEPTH);
        assertThat(error.message()).contains("128");
    }

    @Test
    void mixedBracketsCountTogether() {
        String opener = "([{a: `${";
        String closer = "}`}])";
        staticError("typeof " + opener.repeat(33) + "1" + closer.repeat(33) + " != ''", ErrorCode.E_DEPTH);
        FilterExpression.compile("typeof " + opener.repeat(32) + "1" + closer.repeat(32) + " != ''");
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "[", "{", "{a:", "`${", "!", "-", "typeof ", "throw ", "true ? ", "a.b(", "x => ",
        "if (", "try {", "'", "`", "${", "?.", "event.x?.[", "[1].map(x => "})
    void deeplyRepeatedInputNeverOverflowsTheStack(String piece) {
        String expression = piece.repeat(10_000 / piece.length());
        try {
            FilterExpression.compile(expression).evaluate(null);
        } catch (FilterException expected) {
            assertThat(expected.error()).isNotNull();
        }
        try {
            FilterExpression.compile(expression + "true").evaluate(null);
        } catch (FilterException expected) {
            assertThat(expected.error()).isNotNull();
        }
    }

    @Test
    void longPrefixChainsEvaluateIteratively() {
        assertThat(eval("!".repeat(9_990) + "true").value()).isEqualTo(true);
        assertThat(eval("-".repeat(9_990) + "1 == 1").value()).isEqualTo(true);
        assertThat(eval("1" + " + 1".repeat(2_400) + " == 2401").value()).isEqualTo(true);
        assertThat(eval("event" + ".x?".repeat(3_000) + ".y == null").value()).isEqualTo(true);
    }

    @Test
    void throwAndConditionalNestingIsLimited() {
        staticError("throw ".repeat(129) + "'x'", ErrorCode.E_DEPTH);
        FilterExpression.compile("throw ".repeat(128) + "'x'");
        staticError("false ? 1 : ".repeat(129) + "true", ErrorCode.E_DEPTH);
        assertThat(eval("false ? 1 : ".repeat(128) + "true").isTrue()).isTrue();
    }

    /** The deepest expressions the limits allow, to check the stack they need. */
    static List<String> worstCases() {
        int n = FilterExpression.MAX_DEPTH - 1;
        List<String> cases = new ArrayList<>();
        cases.add("[1].map(x => null ?? false || true && 1 == 1 < 1 + 1 * -".repeat(n) + "1" + ")[0]".repeat(n) + " == 1");
        cases.add("true ? (".repeat(n) + "true" + ") : false".repeat(n));
        cases.add("`${".repeat(n) + "1" + "}`".repeat(n) + " == '1'");
        cases.add("try { ".repeat(n) + "throw 'x'" + " } catch (e) { true }".repeat(n));
        return cases;
    }

    @Test
    void worstCaseNestingRunsOnADefaultSizedStack() throws InterruptedException {
        for (String expression : worstCases()) {
            Object outcome = onThread(1024 * 1024, () -> FilterExpression.compile(expression).evaluate(Collections.emptyMap()));
            assertThat(outcome).as(expression).isInstanceOf(Evaluation.class);
            assertThat(((Evaluation) outcome).error()).as(expression).satisfiesAnyOf(
                    e -> assertThat(e).isNull(),
                    e -> assertThat(e.code()).isIn(ErrorCode.E_TYPE, ErrorCode.E_RESULT));
        }
    }

    @Test
    void aTinyStackGivesAnErrorInsteadOfAStackOverflow() throws InterruptedException {
        for (String expression : worstCases()) {
            Object outcome = onThread(64 * 1024, () -> {
                try {
                    return FilterExpression.compile(expression).evaluate(Collections.emptyMap());
                } catch (FilterException e) {
                    return e;
                }
            });
            assertThat(outcome).isInstanceOfAny(Evaluation.class, FilterException.class);
        }
    }

    private static Object onThread(long stackSize, java.util.function.Supplier<Object> work) throws InterruptedException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                result.set(t);
            }
        }, "filter-stack-test", stackSize);
        thread.start();
        thread.join();
        return result.get();
    }

    @Test
    void builtValuesAreBoundedAndTheOverrunIsNotCatchable() {
        List<Object> big = Collections.nCopies(300_000, 1);
        Evaluation flat = eval("try { [1, 2, 3, 4].flatMap(x => event.big).length > 0 } catch (e) { true }",
                map("big", big));
        assertThat(flat.error().code()).isEqualTo(ErrorCode.E_STEPS);
        assertThat(flat.error().message()).contains("built");

        String doubling = "let s = event.s; " + "let s = s + s; ".repeat(20) + "s.length > 0";
        Evaluation strings = eval(doubling, map("s", "x"));
        assertThat(strings.error().code()).isEqualTo(ErrorCode.E_STEPS);

        Evaluation retained = eval("event.l.map(x => `${event.s}${event.s}`).length > 0",
                map("l", Collections.nCopies(100, 1), "s", "y".repeat(10_000)));
        assertThat(retained.error().code()).isEqualTo(ErrorCode.E_STEPS);

        Evaluation fine = eval("event.l.map(x => `${event.s}`).length > 0",
                map("l", Collections.nCopies(10, 1), "s", "y".repeat(10_000)));
        assertThat(fine.isTrue()).isTrue();
    }

    @Test
    void flattenOfRepeatedListsIsBounded() {
        Evaluation e = eval("event.l.map(x => event.l).flatten().length > 0", map("l", Collections.nCopies(2_000, 1)));
        assertThat(e.error().code()).isEqualTo(ErrorCode.E_STEPS);
    }
}
