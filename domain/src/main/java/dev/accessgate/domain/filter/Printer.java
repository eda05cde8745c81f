package dev.accessgate.domain.filter;

/**
 * Prints a syntax tree back as canonical source: single spaces around binary operators, single
 * quotes, and parentheses exactly where the tree needs them, so that parsing the output gives
 * the same tree.
 */
final class Printer {

    private final StringBuilder out = new StringBuilder();

    private Printer() {
    }

    static String print(Node node) {
        Printer printer = new Printer();
        printer.statement(node);
        return printer.out.toString();
    }

    private void statement(Node node) {
        if (node instanceof Node.Body body) {
            for (Node.Decl decl : body.decls()) {
                out.append(decl.let() ? "let " : "").append(decl.name()).append(" = ");
                expr(decl.init(), Op.CONDITIONAL);
                out.append("; ");
            }
            if (body.explicitReturn()) {
                out.append("return ");
            }
            statement(body.statement());
        } else if (node instanceof Node.If i) {
            for (int k = 0; k < i.conditions().length; k++) {
                out.append(k == 0 ? "if (" : " else if (");
                expr(i.conditions()[k], Op.CONDITIONAL);
                out.append(") ");
                block(i.blocks()[k]);
            }
            out.append(" else ");
            block(i.otherwise());
        } else if (node instanceof Node.Try t) {
            out.append("try ");
            block(t.body());
            out.append(" catch (").append(t.catchName() == null ? "" : t.catchName()).append(") ");
            block(t.handler());
        } else {
            expr(node, Op.CONDITIONAL);
        }
    }

    private void block(Node.Body body) {
        out.append("{ ");
        statement(body);
        out.append(" }");
    }

    /** Prints {@code node}, parenthesised when it binds looser than {@code minLevel}. */
    private void expr(Node node, int minLevel) {
        boolean parens = level(node) < minLevel;
        if (parens) {
            out.append('(');
        }
        bare(node);
        if (parens) {
            out.append(')');
        }
    }

    private static int level(Node node) {
        if (node instanceof Node.Conditional) {
            return Op.CONDITIONAL;
        }
        if (node instanceof Node.Throw) {
            return Op.THROW;
        }
        if (node instanceof Node.Logical l) {
            return l.op().level;
        }
        if (node instanceof Node.Binary b) {
            return b.ops()[0].level;
        }
        if (node instanceof Node.Unary) {
            return Op.UNARY;
        }
        if (node instanceof Node.Chain) {
            return Op.POSTFIX;
        }
        return Op.PRIMARY;
    }

    private void bare(Node node) {
        if (node instanceof Node.Literal lit) {
            literal(lit.value());
        } else if (node instanceof Node.EventRef) {
            out.append("event");
        } else if (node instanceof Node.Ident id) {
            out.append(id.name());
        } else if (node instanceof Node.Unary u) {
            for (Op op : u.ops()) {
                out.append(op == Op.TYPEOF ? "typeof " : op.symbol);
            }
            expr(u.operand(), Op.POSTFIX);
        } else if (node instanceof Node.Binary b) {
            int level = b.ops()[0].level;
            expr(b.operands()[0], level + 1);
            for (int i = 0; i < b.ops().length; i++) {
                out.append(' ').append(b.ops()[i].symbol).append(' ');
                expr(b.operands()[i + 1], level + 1);
            }
        } else if (node instanceof Node.Logical l) {
            for (int i = 0; i < l.operands().length; i++) {
                if (i > 0) {
                    out.append(' ').append(l.op().symbol).append(' ');
                }
                expr(l.operands()[i], l.op().level + 1);
            }
        } else if (node instanceof Node.Conditional c) {
            expr(c.condition(), Op.THROW);
            out.append(" ? ");
            expr(c.then(), Op.CONDITIONAL);
            out.append(" : ");
            expr(c.otherwise(), Op.CONDITIONAL);
        } else if (node instanceof Node.Throw t) {
            out.append("throw ");
            expr(t.operand(), Op.THROW);
        } else if (node instanceof Node.ListLit l) {
            out.append('[');
            list(l.items());
            out.append(']');
        } else if (node instanceof Node.MapLit m) {
            out.append('{');
            for (int i = 0; i < m.keys().length; i++) {
                out.append(i == 0 ? "" : ", ");
                mapKey(m.keys()[i]);
                out.append(": ");
                expr(m.values()[i], Op.CONDITIONAL);
            }
            out.append('}');
        } else if (node instanceof Node.Template t) {
            out.append('`');
            for (int i = 0; i < t.exprs().length; i++) {
                escaped(t.chunks()[i], '`');
                out.append("${");
                expr(t.exprs()[i], Op.CONDITIONAL);
                out.append('}');
            }
            escaped(t.chunks()[t.exprs().length], '`');
            out.append('`');
        } else if (node instanceof Node.Chain c) {
            expr(c.base(), Op.PRIMARY);
            for (Node.Link link : c.links()) {
                link(link);
            }
        } else if (node instanceof Node.Arrow a) {
            if (a.params().length == 1) {
                out.append(a.params()[0]);
            } else {
                out.append('(').append(String.join(", ", a.params())).append(')');
            }
            out.append(" => ");
            expr(a.body(), Op.CONDITIONAL);
        } else {
            throw new IllegalStateException("cannot print " + node.getClass().getSimpleName() + " inside an expression");
        }
    }

    private void link(Node.Link link) {
        if (link instanceof Node.Member m) {
            out.append(m.optional() ? "?." : ".").append(m.name());
        } else if (link instanceof Node.Index i) {
            out.append(i.optional() ? "?.[" : "[");
            expr(i.index(), Op.CONDITIONAL);
            out.append(']');
        } else {
            Node.Call c = (Node.Call) link;
            out.append(c.optional() ? "?." : ".").append(c.name()).append('(');
            list(c.args());
            out.append(')');
        }
    }

    private void list(Node[] items) {
        for (int i = 0; i < items.length; i++) {
            out.append(i == 0 ? "" : ", ");
            expr(items[i], Op.CONDITIONAL);
        }
    }

    private void mapKey(String key) {
        boolean name = !key.isEmpty() && Lexer.isIdentStart(key.charAt(0));
        for (int i = 1; name && i < key.length(); i++) {
            name = Lexer.isIdentPart(key.charAt(i));
        }
        if (name) {
            out.append(key);
        } else {
            out.append('\'');
            escaped(key, '\'');
            out.append('\'');
        }
    }

    private void literal(Object value) {
        if (value instanceof String s) {
            out.append('\'');
            escaped(s, '\'');
            out.append('\'');
        } else if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                out.append((long) v);
            } else {
                out.append(Double.toString(v));
            }
        } else {
            out.append(value);
        }
    }

    /** Appends {@code s} escaped for a literal closed by {@code quote} (a quote char or the backtick). */
    private void escaped(String s, char quote) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\0': out.append("\\0"); break;
                default:
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c == '$' && quote == '`') {
                        out.append("\\$");
                    } else if (c < 0x20 || Character.isSurrogate(c) && !validPair(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
