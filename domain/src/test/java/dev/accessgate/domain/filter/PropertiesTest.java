package dev.accessgate.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Property-based tests (QuickTheories) over random expressions, events and garbage. */
class PropertiesTest {

    /** Record components that only locate source text (or are derived from it), so a reprint may change them. */
    private static final Set<String> POSITIONAL = Set.of("pos", "opPos");

    @Test
    void printingAndReparsingGivesTheSameTree() {
        qt().withExamples(2_000).forAll(RandomExpressions.programs()).checkAssert(source -> {
            Node.Body first = Parser.parse(source).program();
            String printed = Printer.print(first);
            Node.Body second = Parser.parse(printed).program();
            assertThat(sameTree(first, second)).as("%s%n printed as%n%s", source, printed).isTrue();
            assertThat(Printer.print(second)).isEqualTo(printed);
            assertThat(complexityOf(printed)).isEqualTo(complexityOf(source));
        });
    }

    @Test
    void evaluationStaysWithinTheStepBudget() {
        qt().withExamples(2_000).forAll(RandomExpressions.programs(), RandomExpressions.events())
                .checkAssert((source, event) -> {
                    FilterExpression compiled = compileOrNull(source);
                    if (compiled == null) {
                        return;
                    }
                    Evaluation e = compiled.evaluate(event);
                    assertThat(e.steps()).isBetween(0, FilterExpression.MAX_STEPS);
                    assertThat(e.isError() || e.value() instanceof Boolean).isTrue();
                    if (e.isError() && e.error().code() == ErrorCode.E_STEPS && e.error().message().contains("steps")) {
                        assertThat(e.steps()).isEqualTo(FilterExpression.MAX_STEPS);
                    }
                });
    }

    @Test
    void heavyRandomLoopsEndWithinTheBudget() {
        String[] loops = {"map", "filter", "some", "every", "flatMap"};
        qt().withExamples(300).forAll(org.quicktheories.generators.SourceDSL.integers().between(0, 400),
                org.quicktheories.generators.SourceDSL.integers().between(1, 4),
                org.quicktheories.generators.SourceDSL.integers().between(0, loops.length - 1))
                .checkAssert((size, nesting, loop) -> {
                    String method = loops[loop];
                    String expression = ("event.l." + method + "(x" + " => ").repeat(nesting) + "!x"
                            + ")".repeat(nesting) + " != null";
                    Evaluation e = FilterExpression.compile(expression)
                            .evaluate(FilterTesting.map("l", StepsTest.numbers(size)));
                    assertThat(e.steps()).isLessThanOrEqualTo(FilterExpression.MAX_STEPS);
                    if (e.isError()) {
                        assertThat(e.error().code()).isIn(ErrorCode.E_STEPS, ErrorCode.E_TYPE);
                    }
                });
    }

    @Test
    void garbageOnlyEverGivesFilterExceptions() {
        qt().withExamples(20_000).forAll(RandomExpressions.garbage(), RandomExpressions.events())
                .checkAssert((source, event) -> {
                    FilterExpression compiled;
                    try {
                        compiled = FilterExpression.compile(source);
                    } catch (FilterException e) {
                        assertThat(e.error().line()).isPositive();
                        assertThat(e.error().column()).isPositive();
                        return;
                    }
                    Evaluation e = compiled.evaluate(event);
                    assertThat(e).isNotNull();
                    assertThat(e.steps()).isLessThanOrEqualTo(FilterExpression.MAX_STEPS);
                });
    }

    @Test
    void evaluationIsDeterministicAlsoAcrossThreads() throws Exception {
        List<FilterExpression> expressions = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        qt().withExamples(400).forAll(RandomExpressions.programs(), RandomExpressions.events())
                .checkAssert((source, event) -> {
                    FilterExpression compiled = compileOrNull(source);
                    if (compiled == null) {
                        return;
                    }
                    Evaluation first = compiled.evaluate(event);
                    Evaluation second = compiled.evaluate(event);
                    assertThat(second).isEqualTo(first);
                    expressions.add(compiled);
                    events.add(event);
                });
        List<Evaluation> expected = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            expected.add(expressions.get(i).evaluate(events.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Evaluation>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Evaluation> out = new ArrayList<>();
                    for (int i = 0; i < expressions.size(); i++) {
                        out.add(expressions.get(i).evaluate(events.get(i)));
                    }
                    return out;
                }));
            }
            for (Future<List<Evaluation>> run : runs) {
                assertThat(run.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The complexity formula, or the E-COMPLEXITY message (which also holds the formula). */
    private static String complexityOf(String source) {
        try {
            return FilterExpression.compile(source).complexity();
        } catch (FilterException e) {
            assertThat(e.error().code()).isEqualTo(ErrorCode.E_COMPLEXITY);
            return e.error().message().replaceAll(" \\(N = .*", "");
        }
    }

    /** Compiles a generated program; null when it is (legitimately) too complex. */
    private static FilterExpression compileOrNull(String source) {
        try {
            return FilterExpression.compile(source);
        } catch (FilterException e) {
            assertThat(e.error().code()).as("%s", e.error()).isEqualTo(ErrorCode.E_COMPLEXITY);
            return null;
        }
    }

    /** Structural equality of syntax trees, ignoring source positions. */
    static boolean sameTree(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.getClass() != b.getClass()) {
            return false;
        }
        if (a.getClass().isArray()) {
            int n = Array.getLength(a);
            if (n != Array.getLength(b)) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (!sameTree(Array.get(a, i), Array.get(b, i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (POSITIONAL.contains(c.getName())) {
                    continue;
                }
                try {
                    c.getAccessor().setAccessible(true);
                    if (!sameTree(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    fail("cannot read " + c, e);
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
