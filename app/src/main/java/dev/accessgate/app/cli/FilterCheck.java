package dev.accessgate.app.cli;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.json.JsonTreeWriter;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.domain.filter.Evaluation;
import dev.accessgate.domain.filter.FilterError;
import dev.accessgate.domain.filter.FilterException;
import dev.accessgate.domain.filter.FilterExpression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code filter check '<expression>' <event.json>}: evaluates one filter expression against one
 * event and prints {@code {"result", "error", "steps", "complexity"}} as one JSON line. Exit 0
 * when the result is a Boolean, 1 otherwise, 2 for a usage error.
 */
final class FilterCheck {

    private FilterCheck() {
    }

    /** The JSON line and the exit code. */
    record Outcome(String line, int exitCode) {
    }

    static Outcome run(String expression, Path eventFile) throws IOException {
        Object event = JsonTreeReader.read(Files.readAllBytes(eventFile));
        Map<String, Object> answer = new LinkedHashMap<>();
        FilterExpression compiled;
        try {
            compiled = FilterExpression.compile(expression);
        } catch (FilterException e) {
            answer.put("result", null);
            answer.put("error", describe(e.error()));
            answer.put("steps", 0L);
            answer.put("complexity", null);
            return new Outcome(JsonTreeWriter.write(answer), 1);
        }
        Evaluation evaluation = compiled.evaluate(event);
        answer.put("result", json(evaluation.value()));
        answer.put("error", evaluation.error() == null ? null : describe(evaluation.error()));
        answer.put("steps", (long) evaluation.steps());
        answer.put("complexity", compiled.complexity());
        return new Outcome(JsonTreeWriter.write(answer), evaluation.isTrue() || evaluation.isFalse() ? 0 : 1);
    }

    /** {@code "<code>: <message> (at line:column)"}. */
    private static String describe(FilterError error) {
        return error.code().code() + ": " + error.message() + " (at " + error.line() + ":" + error.column() + ")";
    }

    /** Filter values as JSON values; integral numbers print without a fraction, as in templates. */
    private static Object json(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(json(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, json(v)));
            return copy;
        }
        return value;
    }

    /** For an unreadable event file: the reason, without a stack trace. */
    static String unreadable(Exception e) {
        return e instanceof ProblemException problem ? problem.getMessage() : e.toString();
    }
}
