package dev.accessgate.domain.filter;

/**
 * The mutable state of one evaluation: the event, the variable slots, and the two budgets
 * (steps, and characters/elements of values built by the expression). Confined to one call.
 */
final class Ctx {

    /** Characters of built strings plus elements of built lists and entries of built maps. */
    static final int MAX_BUILT = 1_000_000;

    final Object event;
    final Object[] slots;
    int steps;
    int built;

    private static final Object[] NO_SLOTS = {};

    Ctx(Object event, int slotCount) {
        this.event = event;
        this.slots = slotCount == 0 ? NO_SLOTS : new Object[slotCount];
    }

    /** Charges one step; the 50,001st raises E-STEPS. */
    void step(int pos) {
        if (steps >= FilterExpression.MAX_STEPS) {
            throw stepsExceeded(pos);
        }
        steps++;
    }

    /** Charges {@code n} steps at once (steps the left-nested form would charge before any operand). */
    void steps(int n, int pos) {
        if (n > FilterExpression.MAX_STEPS - steps) {
            steps = FilterExpression.MAX_STEPS;
            throw stepsExceeded(pos);
        }
        steps += n;
    }

    /** Charges the size of a value about to be built; over budget raises E-STEPS (not catchable). */
    void build(long size, int pos) {
        if (size > MAX_BUILT - built) {
            throw new EvalError(ErrorCode.E_STEPS, "the evaluation built more than " + MAX_BUILT
                    + " characters or list elements in total", pos);
        }
        built += (int) size;
    }

    private static EvalError stepsExceeded(int pos) {
        return new EvalError(ErrorCode.E_STEPS,
                "the evaluation needed more than " + FilterExpression.MAX_STEPS + " steps", pos);
    }
}
