package dev.accessgate.domain.filter;

/** Test helper: the fully parenthesised shape of an expression's tree, to check precedence and associativity. */
final class Shapes {

    private static final String NAMES = "let a = 1; let b = 1; let c = 1; let d = 1; let e = 1; let f = 1; ";

    private Shapes() {
    }

    /** The shape of {@code expression}, which may use the names a to f. */
    static String shape(String expression) {
        Node.Body body = FilterExpression.compile(NAMES + expression).program();
        return of(body.statement());
    }

    static String of(Node node) {
        if (node instanceof Node.Literal l) {
            return l.value() instanceof String s ? "'" + s + "'" : String.valueOf(l.value());
        }
        if (node instanceof Node.EventRef) {
            return "event";
        }
        if (node instanceof Node.Ident i) {
            return i.name();
        }
        if (node instanceof Node.Unary u) {
            StringBuilder out = new StringBuilder();
            for (Op op : u.ops()) {
                out.append('(').append(op.symbol).append(' ');
            }
            out.append(of(u.operand()));
            out.append(")".repeat(u.ops().length));
            return out.toString();
        }
        if (node instanceof Node.Binary b) {
            String acc = of(b.operands()[0]);
            for (int i = 0; i < b.ops().length; i++) {
                acc = "(" + acc + " " + b.ops()[i].symbol + " " + of(b.operands()[i + 1]) + ")";
            }
            return acc;
        }
        if (node instanceof Node.Logical l) {
            String acc = of(l.operands()[0]);
            for (int i = 1; i < l.operands().length; i++) {
                acc = "(" + acc + " " + l.op().symbol + " " + of(l.operands()[i]) + ")";
            }
            return acc;
        }
        if (node instanceof Node.Conditional c) {
            return "(" + of(c.condition()) + " ? " + of(c.then()) + " : " + of(c.otherwise()) + ")";
        }
        if (node instanceof Node.Throw t) {
            return "(throw " + of(t.operand()) + ")";
        }
        if (node instanceof Node.Chain c) {
            StringBuilder out = new StringBuilder("{" + of(c.base()));
            for (Node.Link link : c.links()) {
                if (link instanceof Node.Member m) {
                    out.append(m.optional() ? "?." : ".").append(m.name());
                } else if (link instanceof Node.Index i) {
                    out.append(i.optional() ? "?.[" : "[").append(of(i.index())).append(']');
                } else {
                    Node.Call call = (Node.Call) link;
                    out.append(call.optional() ? "?." : ".").append(call.name()).append('(');
                    for (int i = 0; i < call.args().length; i++) {
                        out.append(i == 0 ? "" : ", ").append(of(call.args()[i]));
                    }
                    out.append(')');
                }
            }
            return out.append('}').toString();
        }
        if (node instanceof Node.Arrow a) {
            return "(" + String.join(",", a.params()) + ") => " + of(a.body());
        }
        return Printer.print(node);
    }
}
