package dev.accessgate.domain.filter;

/**
 * A runtime error inside an evaluation. Internal: {@link FilterExpression#evaluate} turns it into
 * an {@link Evaluation}. No stack trace is captured, so raising one is cheap.
 */
final class EvalError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final ErrorCode code;
    final int pos;

    EvalError(ErrorCode code, String message, int pos) {
        super(message, null, false, false);
        this.code = code;
        this.pos = pos;
    }

    static EvalError type(String message, int pos) {
        return new EvalError(ErrorCode.E_TYPE, message, pos);
    }
}
