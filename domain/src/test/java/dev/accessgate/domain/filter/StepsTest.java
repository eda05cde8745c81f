package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.eval;
import static dev.accessgate.domain.filter.FilterTesting.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The step charges of spec §9. */
class StepsTest {

    private static final String NESTED_MAP = "event.big.map(a => event.big.map(b => a * b)).length > 0";

    static List<Object> numbers(int n) {
        List<Object> list = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            list.add(i);
        }
        return list;
    }

    @Test
    void docExampleCostsSevenSteps() {
        Evaluation e = eval("event.issue.fields?.issueType.name == 'Bug'");
        assertThat(e.isTrue()).isTrue();
        assertThat(e.steps()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 10, 50, 100})
    void nestedMapCostsSixPlusFourNPlusFourNSquared(int n) {
        Evaluation e = eval(NESTED_MAP, map("big", numbers(n)));
        assertThat(e.isTrue()).isTrue();
        assertThat(e.steps()).isEqualTo(6 + 4 * n + 4 * n * n);
    }

    @Test
    void nestedMapOfFiftyIsAccepted() {
        assertThat(eval(NESTED_MAP, map("big", numbers(50))).steps()).isEqualTo(10_206);
    }

    @Test
    void nestedMapOfThreeHundredRunsOutOfSteps() {
        Evaluation e = eval(NESTED_MAP, map("big", numbers(300)));
        assertThat(e.error().code()).isEqualTo(ErrorCode.E_STEPS);
        assertThat(e.steps()).isEqualTo(FilterExpression.MAX_STEPS);
        assertThat(e.error().message()).contains("50000");
    }

    @Test
    void exactlyTheBudgetIsAllowedAndOneMoreIsNot() {
        // event.l.every(x => true) costs 3 (event, .l, call) + 2 per element (invocation, literal):
        // 3 + 2k == 50,000 has no integer k, so add a leading `true && ` (2 more steps): 5 + 2k.
        String expression = "true && event.l.every(x => true)";
        int k = (FilterExpression.MAX_STEPS - 5) / 2; // 24,997 elements: 49,999 steps
        assertThat(eval(expression, map("l", numbers(k))).steps()).isEqualTo(49_999);
        // three prefix operators + 3 + 2k: exactly 50,000 steps for k = 24,997, 50,002 for one more element
        String exact = "!!!event.l.every(x => true)";
        assertThat(eval(exact, map("l", numbers(k))).steps()).isEqualTo(50_000);
        assertThat(eval(exact, map("l", numbers(k))).isError()).isFalse();
        Evaluation over = eval(exact, map("l", numbers(k + 1)));
        assertThat(over.error().code()).isEqualTo(ErrorCode.E_STEPS);
        assertThat(over.steps()).isEqualTo(50_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        "true # 1", "(((true))) # 1", "!true # 2", "!!true # 3", "1 + 2 == 3 # 5", "1 + 2 + 3 == 6 # 7",
        "false && event.x # 2", "true && true # 3", "null ?? true # 3", "true || event.x # 2",
        "true ? true : event.x # 3", "[1, 2] != null # 5", "{a: 1, b: 2} != null # 5", "`${1}${2}` != '' # 5",
        "let a = 1; a == 1 # 5", "if (true) { true } else { event.x } # 3",
        "if (false) { false } else if (true) { true } else { false } # 4",
        "try { true } catch (e) { event.x } # 2", "try { throw 'x' } catch (e) { true } # 4",
        "event.nums[1] == 2 # 6", "event.nums.includes(3) # 4", "'abc'.slice(0, 2) == 'ab' # 6",
        "[1, 2, 3].some(x => x == 2) # 13", "[1, 2, 3].every(x => x == 2) # 9", "[1, 2, 3].find(x => x == 9) == null # 19",
        "return typeof event == 'Map'; # 4", "event.missing?.a.b == null # 4"})
    void chargesPerConstruct(String expression, int steps) {
        assertThat(eval(expression).steps()).as(expression).isEqualTo(steps);
    }

    @Test
    void stepsNeverExceedTheBudget() {
        Evaluation e = eval("event.l.map(a => event.l.map(b => event.l.map(c => 1))).length > 0",
                map("l", numbers(1000)));
        assertThat(e.error().code()).isEqualTo(ErrorCode.E_STEPS);
        assertThat(e.steps()).isEqualTo(FilterExpression.MAX_STEPS);
    }

    @Test
    void longOperatorRunsChargeEveryOperator() {
        String expression = "1" + " + 1".repeat(2_000) + " > 0";
        Evaluation e = eval(expression);
        assertThat(e.isTrue()).isTrue();
        assertThat(e.steps()).isEqualTo(2_001 + 2_000 + 2);
    }
}
