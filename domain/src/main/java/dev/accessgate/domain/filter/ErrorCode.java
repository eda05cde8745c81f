package dev.accessgate.domain.filter;

/** Why a filter expression failed to compile or to evaluate (spec §8). */
public enum ErrorCode {
    /** The expression is longer than {@link FilterExpression#MAX_LENGTH} code points. */
    E_LENGTH,
    /** A bad token or grammar error, including a reserved name being declared. */
    E_SYNTAX,
    /** A construct the language deliberately leaves out ({@code new}). */
    E_UNSUPPORTED,
    /** Brackets (or operators) nested deeper than {@link FilterExpression#MAX_DEPTH}. */
    E_DEPTH,
    /** A name that is not bound. */
    E_REFERENCE,
    /** The static cost estimate uses more than {@link FilterExpression#MAX_SIZE_VARIABLES} list sizes. */
    E_COMPLEXITY,
    /** A runtime type error: property of null, wrong operand types, division by zero, bad call. */
    E_TYPE,
    /** A {@code throw} that no {@code try} caught. */
    E_THROW,
    /** The evaluation ran out of budget (steps or built values); never catchable. */
    E_STEPS,
    /** The expression produced something other than a Boolean. */
    E_RESULT;

    private final String code = name().replace('_', '-');

    /** The code as written in logs and the spec, for example {@code E-TYPE}. */
    public String code() {
        return code;
    }

    /** Whether {@code try}/{@code catch} inside an expression can recover from this error. */
    boolean catchable() {
        return this == E_TYPE || this == E_THROW;
    }
}
