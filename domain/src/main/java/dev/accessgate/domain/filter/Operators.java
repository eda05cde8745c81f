package dev.accessgate.domain.filter;

/** Unary and binary operators of spec §5.4 (the short-circuit ones live in {@link Node.Logical}). */
final class Operators {

    private Operators() {
    }

    static Object unary(Op op, Object value, int pos) {
        switch (op) {
            case NOT:
                return !Values.truthy(value, pos);
            case NEG:
                if (value instanceof Number n) {
                    return -n.doubleValue();
                }
                throw EvalError.type("unary '-' needs a Number, got " + Values.typeName(value, pos), pos);
            case TYPEOF:
                return Values.typeName(value, pos);
            default:
                throw new IllegalStateException("not a unary operator: " + op);
        }
    }

    static Object binary(Op op, Object a, Object b, int pos, Ctx ctx) {
        switch (op) {
            case EQ:
                return Values.equal(a, b, pos);
            case NE:
                return !Values.equal(a, b, pos);
            case LT:
                return compare(op, a, b, pos) < 0;
            case GT:
                return compare(op, a, b, pos) > 0;
            case LE:
                return compare(op, a, b, pos) <= 0;
            case GE:
                return compare(op, a, b, pos) >= 0;
            case ADD:
                if (a instanceof String s && b instanceof String t) {
                    ctx.build((long) s.length() + t.length(), pos);
                    return s.concat(t);
                }
                return arithmetic(op, a, b, pos);
            default:
                return arithmetic(op, a, b, pos);
        }
    }

    /** Returns the sign of a comparison; NaN compares as unordered, so every relation is false. */
    private static int compare(Op op, Object a, Object b, int pos) {
        if (a instanceof Number x && b instanceof Number y) {
            double l = x.doubleValue();
            double r = y.doubleValue();
            if (l < r) {
                return -1;
            }
            if (l > r) {
                return 1;
            }
            if (l == r) {
                return 0;
            }
            return op == Op.LT || op == Op.LE ? 1 : -1;
        }
        if (a instanceof String s && b instanceof String t) {
            return Values.compareCodePoints(s, t);
        }
        throw EvalError.type("can't compare " + Values.typeName(a, pos) + " to " + Values.typeName(b, pos)
                + " with '" + op.symbol + "' (both sides must be Numbers or both Strings)", pos);
    }

    private static Object arithmetic(Op op, Object a, Object b, int pos) {
        if (!(a instanceof Number x) || !(b instanceof Number y)) {
            String need = op == Op.ADD ? "two Numbers or two Strings" : "two Numbers";
            throw EvalError.type("'" + op.symbol + "' needs " + need + ", got " + Values.typeName(a, pos)
                    + " and " + Values.typeName(b, pos), pos);
        }
        double l = x.doubleValue();
        double r = y.doubleValue();
        double result;
        switch (op) {
            case ADD: result = l + r; break;
            case SUB: result = l - r; break;
            case MUL: result = l * r; break;
            case DIV:
                if (r == 0) {
                    throw EvalError.type("division by zero", pos);
                }
                result = l / r;
                break;
            case MOD:
                if (r == 0) {
                    throw EvalError.type("remainder of a division by zero", pos);
                }
                result = l % r;
                break;
            default:
                throw new IllegalStateException("not an arithmetic operator: " + op);
        }
        if (!Double.isFinite(result)) {
            throw EvalError.type("'" + op.symbol + "' gave a result that is not a finite number", pos);
        }
        return result;
    }
}
