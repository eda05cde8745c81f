package dev.accessgate.domain.filter;

/** Operators with their source symbol and precedence level (higher binds tighter). */
enum Op {
    COALESCE("??", 2), OR("||", 3), AND("&&", 4),
    EQ("==", 5), NE("!=", 5),
    LT("<", 6), GT(">", 6), LE("<=", 6), GE(">=", 6),
    ADD("+", 7), SUB("-", 7),
    MUL("*", 8), DIV("/", 8), MOD("%", 8),
    NOT("!", 9), NEG("-", 9), TYPEOF("typeof", 9);

    /** Precedence levels of the non-operator grammar rules, for the printer. */
    static final int CONDITIONAL = 0;
    static final int THROW = 1;
    static final int UNARY = 9;
    static final int POSTFIX = 10;
    static final int PRIMARY = 11;

    final String symbol;
    final int level;

    Op(String symbol, int level) {
        this.symbol = symbol;
        this.level = level;
    }
}
