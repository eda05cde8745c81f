package dev.accessgate.domain.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Fuzzing of the filter language at scale: grammar-generated programs, the shared test vectors
 * with characters changed, and garbage, each compiled (lexer, parser, name resolution,
 * complexity) and evaluated against random events and the vectors' events under every
 * {@link OnError}. Compiling may only fail with a {@link FilterException} that points into the
 * source; evaluating never throws, stays within the step budget, and never reports the
 * catch-all "could not be read" error, which on plain maps and lists would hide a crash of the
 * evaluator. {@code -Daccessgate.fuzz.scale} and {@code -Daccessgate.fuzz.seed} as in the HTTP
 * adapter's fuzzing; counts go to {@code target/fuzz-counts.txt}.
 */
class FilterFuzzTest {

    private static final int SLICE = 25_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void hostile_expressions_compile_or_fail_cleanly_and_evaluation_never_throws() throws IOException {
        long seed = Long.getLong("accessgate.fuzz.seed", 9_004L);
        int inputs = (int) Math.round(SLICE * Double.parseDouble(System.getProperty("accessgate.fuzz.scale", "1")));
        List<JsonNode> vectors = FilterVectorsTest.vectors();
        List<String> expressions = vectors.stream().map(v -> v.get("expression").asText()).toList();
        List<Object> vectorEvents = vectors.stream().map(v -> JSON.convertValue(v.get("event"), Object.class)).toList();
        Gen<String> sources = RandomExpressions.programs()
                .mix(RandomExpressions.mangled(expressions), 40)
                .mix(RandomExpressions.garbage(), 30);
        Gen<Object> events = RandomExpressions.events().mix(Generate.pick(vectorEvents), 30);
        AtomicLong checked = new AtomicLong();
        AtomicLong compiled = new AtomicLong();
        AtomicLong booleans = new AtomicLong();

        qt().withFixedSeed(seed).withExamples(inputs).withShrinkCycles(200)
                .forAll(sources, events, Generate.enumValues(OnError.class))
                .checkAssert((source, event, onError) -> {
                    checked.incrementAndGet();
                    FilterExpression expression;
                    try {
                        expression = FilterExpression.compile(source);
                    } catch (FilterException e) {
                        assertThat(e.error().line()).isPositive();
                        assertThat(e.error().column()).isPositive();
                        return;
                    }
                    compiled.incrementAndGet();
                    assertThat(expression.complexity()).isNotBlank();
                    Evaluation evaluation = expression.evaluate(event);
                    assertThat(evaluation.steps()).isBetween(0, FilterExpression.MAX_STEPS);
                    assertThat(evaluation.isError() || evaluation.value() instanceof Boolean).isTrue();
                    if (evaluation.isError()) {
                        assertThat(evaluation.error().message()).as("%s on %s", source, event)
                                .doesNotStartWith("the event could not be read");
                    } else {
                        booleans.incrementAndGet();
                    }
                    FilterDecision decision = new EventFilter(expression, onError).decide(event);
                    assertThat(decision.deliver()).isEqualTo(evaluation.isError() ? onError.deliver()
                            : evaluation.isTrue());
                });

        // QuickTheories skips a draw it has seen before: the count is of inputs actually checked.
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "fuzz-counts.txt"), String.format(
                "filter inputs=%d accepted=%d rejected=%d crashes=0 seed=%d evaluatedToBoolean=%d%n", checked.get(),
                compiled.get(), checked.get() - compiled.get(), seed, booleans.get()),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(checked.get()).isGreaterThan(inputs * 9L / 10);
    }
}
