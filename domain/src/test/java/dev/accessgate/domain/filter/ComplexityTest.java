package dev.accessgate.domain.filter;

import static dev.accessgate.domain.filter.FilterTesting.staticError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The static cost estimate of spec §10. */
class ComplexityTest {

    private static String complexity(String expression) {
        return FilterExpression.compile(expression).complexity();
    }

    @Test
    void specExamples() {
        assertThat(complexity("event.big.map(a => event.big.map(b => a * b)).length > 0")).isEqualTo("4*N*N + 4*N + 6");
        assertThat(complexity("event.a.some(x => event.b.some(y => event.c.some(z => x + y + z < 0)))"))
                .isEqualTo("8*N*M*L + 4*N*M + 4*N + 3");
        assertThat(complexity("event.issue.fields?.issueType.name == 'Bug'")).isEqualTo("7");
    }

    @Test
    void fourNestedVariablesAreRejectedWithTheFormula() {
        FilterError error = staticError("event.a.some(x => event.b.some(y => event.c.some(z => event.d.some(w => w == x))))",
                ErrorCode.E_COMPLEXITY);
        assertThat(error.message()).contains("4*N*M*L*K + 4*N*M*L + 4*N*M + 4*N + 3").contains("K = event.d");
        assertThat(error.column()).isEqualTo(63);
    }

    @Test
    void fourSequentialLoopsAreRejected() {
        FilterError error = staticError("event.a.some(x => x == 1) || event.b.some(x => x == 1) || "
                + "event.c.some(x => x == 1) || event.d.some(x => x == 1)", ErrorCode.E_COMPLEXITY);
        assertThat(error.message()).contains("4*N + 4*M + 4*L + 4*K + 15");
    }

    @Test
    void variablesBeyondKAreNamedForDiagnostics() {
        StringBuilder expression = new StringBuilder("true");
        for (int i = 0; i < 15; i++) {
            expression.append(" && event.l").append(i).append(".every(x => true)");
        }
        FilterError error = staticError(expression.toString(), ErrorCode.E_COMPLEXITY);
        assertThat(error.message()).contains("2*N + 2*M + 2*L + 2*K + 2*J + 2*H + 2*G + 2*F + 2*E + 2*D + 2*C + 2*B + 2*A"
                + " + 2*V14 + 2*V15 + 61");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '#', value = {
        // the same text is one variable, also through parentheses, let, map, filter and slice
        "event.a.some(x => event.a.some(y => x == y)) # 4*N*N + 4*N + 3",
        "(event.a).some(x => true) || event.a.some(x => true) # 4*N + 7",
        "let l = event.a; l.some(x => event.a.some(y => true)) # 2*N*N + 4*N + 5",
        "let l = (event.a.filter(x => x)); l.some(x => true) # 4*N + 6",
        "event.a.map(x => x).filter(x => x).slice(1).some(x => true) # 6*N + 7",
        "event.a.some(x => true) || event['a'].some(x => true) # 2*N + 2*M + 8",
        // list literals have constant size
        "[1, 2, 3].some(x => x == 1) # 17",
        "[1, 2].map(x => event.a.some(y => true)).length > 0 # 4*N + 15",
        // no short-circuit is assumed
        "true || event.a.some(x => x == 1) # 4*N + 5",
        "if (true) { true } else { event.a.some(x => true) } # 2*N + 6",
        "try { true } catch (e) { e.split('').some(c => true) } # 2*N + 6",
        // reduce and value arguments; non-iterating methods cost only their call
        "event.a.reduce((acc, x) => acc + x, 0) > 0 # 4*N + 6",
        "event.a.includes(1) && event.a.slice(0, 2).length > 0 # 13",
        // a callback of a non-iterating method is never invoked
        "event.a.includes(x => event.b.some(y => true)) # 3"})
    void estimates(String expression, String formula) {
        assertThat(complexity(expression)).isEqualTo(formula);
    }

    @Test
    void constantFormulasAreNeverRejected() {
        String list = "[" + "1, ".repeat(99) + "1]";
        String expression = list + ".some(a => " + list + ".some(b => " + list + ".some(c => " + list + ".some(d => "
                + list + ".some(e => false)))))";
        FilterExpression compiled = FilterExpression.compile(expression);
        assertThat(compiled.complexity()).matches("\\d+");
        assertThat(compiled.evaluate(null).error().code()).isEqualTo(ErrorCode.E_STEPS);
    }

    @Test
    void size_variables_are_keyed_by_tokens_not_by_spelling() {
        // Found by the print/parse round trip: quotes and number spellings do not make new variables.
        assertThat(FilterExpression.compile("\"\".split('').map(a => 1).length + ''.split('').map(b => 1).length > 0")
                .complexity())
                .isEqualTo(FilterExpression.compile("''.split('').map(a => 1).length + ''.split('').map(b => 1).length > 0")
                        .complexity());
        assertThat(FilterExpression.compile("[1.0].map(a => 1) == [1].map(b => 1)").complexity())
                .isEqualTo(FilterExpression.compile("[1].map(a => 1) == [1].map(b => 1)").complexity());
    }
}
