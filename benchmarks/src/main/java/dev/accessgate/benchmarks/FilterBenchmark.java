package dev.accessgate.benchmarks;

import dev.accessgate.domain.filter.Evaluation;
import dev.accessgate.domain.filter.FilterExpression;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluation speed of compiled filter expressions against the spec's "Bug" payload. Target: at
 * least 1,000,000 evaluations per second of the doc example on one core.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FilterBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FilterBenchmark {

    private Map<String, Object> event;
    private FilterExpression docExample;
    private FilterExpression someComponent;
    private FilterExpression compound;

    @Setup
    public void setUp() {
        event = bugPayload();
        docExample = FilterExpression.compile("event.issue.fields?.issueType.name == 'Bug'");
        someComponent = FilterExpression.compile("event.issue.fields.components.some(c => c.name == 'UI')");
        compound = FilterExpression.compile("let f = event.issue.fields; f.priority.name == 'High'"
                + " && f.labels.includes('urgent') && f.storyPoints >= 3 && `${event.issue.key}`.startsWith('PRJ-')");
    }

    /** The manifest example of the spec (7 steps). */
    @Benchmark
    public Evaluation docExample() {
        return docExample.evaluate(event);
    }

    /** A callback over a list. */
    @Benchmark
    public Evaluation someComponent() {
        return someComponent.evaluate(event);
    }

    /** A let binding, several conditions, a method call and a template. */
    @Benchmark
    public Evaluation compound() {
        return compound.evaluate(event);
    }

    /** Compiling (lex, parse, resolve, complexity) the doc example. */
    @Benchmark
    public FilterExpression compileDocExample() {
        return FilterExpression.compile("event.issue.fields?.issueType.name == 'Bug'");
    }

    private static Map<String, Object> bugPayload() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("issueType", Map.of("name", "Bug"));
        fields.put("summary", "Crash on save");
        fields.put("labels", List.of("backend", "urgent"));
        fields.put("priority", Map.of("name", "High"));
        fields.put("storyPoints", 5);
        fields.put("assignee", null);
        fields.put("components", List.of(Map.of("name", "API"), Map.of("name", "UI")));
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("key", "PRJ-1");
        issue.put("fields", fields);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("eventType", "avi:jira:updated:issue");
        payload.put("atlassianId", "5b10ac8d82e05b22cc7d4ef5");
        payload.put("issue", issue);
        return payload;
    }
}
