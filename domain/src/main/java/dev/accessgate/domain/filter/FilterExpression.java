package dev.accessgate.domain.filter;

import java.util.Objects;

/**
 * A compiled filter expression. Compiled once, immutable and thread-safe; evaluate many times.
 *
 * <p>{@link #compile} runs the static checks of the spec (length, lexing and parsing, {@code new},
 * nesting depth, name resolution, complexity) and throws {@link FilterException} on the first
 * failure. {@link #evaluate} never throws: runtime errors come back inside the {@link Evaluation}.
 */
public final class FilterExpression {

    /** Longest accepted expression, in code points. */
    public static final int MAX_LENGTH = 10_000;
    /** Steps one evaluation may take; the next one is E-STEPS. */
    public static final int MAX_STEPS = 50_000;
    /** Deepest accepted nesting of brackets: {@code (}, {@code [}, <code>{</code> and <code>${</code>. */
    public static final int MAX_DEPTH = 128;
    /** Most list-size variables the complexity estimate may use. */
    public static final int MAX_SIZE_VARIABLES = 3;

    private final String source;
    private final Node.Body program;
    private final int slotCount;
    private final String complexity;

    private FilterExpression(String source, Node.Body program, int slotCount, String complexity) {
        this.source = source;
        this.program = program;
        this.slotCount = slotCount;
        this.complexity = complexity;
    }

    /** Runs the static checks (length, lex/parse, {@code new}, depth, name resolution, complexity). */
    public static FilterExpression compile(String source) throws FilterException {
        Objects.requireNonNull(source, "source");
        int length = source.codePointCount(0, source.length());
        if (length > MAX_LENGTH) {
            throw new FilterException(FilterError.at(ErrorCode.E_LENGTH, "the expression has " + length
                    + " characters, at most " + MAX_LENGTH + " are allowed", source,
                    source.offsetByCodePoints(0, MAX_LENGTH)));
        }
        try {
            Parser.Parsed parsed = Parser.parse(source);
            String complexity = Complexity.analyse(parsed.program(), source);
            return new FilterExpression(source, parsed.program(), parsed.slotCount(), complexity);
        } catch (StackOverflowError e) {
            // Nesting is bounded (MAX_DEPTH), so this only happens on a thread with a very small stack.
            throw new FilterException(FilterError.at(ErrorCode.E_DEPTH,
                    "the expression is nested too deeply for the stack of this thread", source, 0));
        }
    }

    /**
     * Evaluates against one event: a JSON-like value tree of {@code Map<String, ?>} (objects),
     * {@code List<?>} (arrays), String, any Number (read as a double), Boolean, or null.
     */
    public Evaluation evaluate(Object event) {
        Ctx ctx = new Ctx(event, slotCount);
        try {
            Object value = program.eval(ctx);
            if (value instanceof Boolean) {
                return new Evaluation(value, null, ctx.steps);
            }
            return notBoolean(value, ctx);
        } catch (EvalError e) {
            return new Evaluation(null, FilterError.at(e.code, e.getMessage(), source, e.pos), ctx.steps);
        } catch (RuntimeException e) {
            // A foreign Map or List implementation failed while being read.
            return new Evaluation(null, FilterError.at(ErrorCode.E_TYPE, "the event could not be read: "
                    + e.getClass().getName(), source, 0), ctx.steps);
        } catch (StackOverflowError e) {
            // Nesting of the expression and of compared values is bounded, so this only happens on a
            // thread with a very small stack. Not catchable inside the expression.
            return new Evaluation(null, FilterError.at(ErrorCode.E_DEPTH,
                    "the evaluation is nested too deeply for the stack of this thread", source, 0), ctx.steps);
        }
    }

    private Evaluation notBoolean(Object value, Ctx ctx) {
        String type = Values.typeName(value, program.pos());
        Object reported = Values.export(value, program.pos());
        return new Evaluation(reported, FilterError.at(ErrorCode.E_RESULT,
                "the expression must produce a Boolean, but produced a " + type, source, program.statement().pos()),
                ctx.steps);
    }

    /** The expression as written. */
    public String source() {
        return source;
    }

    /** The static cost estimate of spec §10, for example {@code 4*N*N + 4*N + 6} or {@code 7}. */
    public String complexity() {
        return complexity;
    }

    /** The canonical form of the expression (package-private: used by tests and diagnostics). */
    String canonical() {
        return Printer.print(program);
    }

    Node.Body program() {
        return program;
    }

    @Override
    public String toString() {
        return source;
    }
}
