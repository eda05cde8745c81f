package dev.accessgate.domain.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * Test helper: QuickTheories generators of random valid expressions (as source text), random
 * events, and random garbage. Valid expressions parenthesise a part exactly when the grammar
 * needs it, plus sometimes for no reason, so the printer's parenthesisation gets exercised.
 */
final class RandomExpressions {

    private static final String[] MEMBERS = {"a", "b", "l", "x", "key", "length", "new", "if", "n"};
    private static final String[] METHODS = {"map", "filter", "some", "every", "find", "flatMap", "reduce", "includes",
        "indexOf", "slice", "flatten", "toLowerCase", "toUpperCase", "trim", "startsWith", "endsWith", "split", "foo"};
    private static final String[] PARAMS = {"p", "q", "r", "s"};
    private static final String[][] BINARY = {
        {"??"}, {"||"}, {"&&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"+", "-"}, {"*", "/", "%"}};
    private static final String ALPHABET = "abcxyz019 _$.,;:?!=<>+-*/%&|()[]{}'\"`\\$\n\t\u00e9\u20ac";

    private final RandomnessSource in;
    private final List<String> scope = new ArrayList<>();
    private int fresh;
    /** Expression nodes generated so far; past {@link #MAX_NODES} only leaves are generated. */
    private int nodes;
    private static final int MAX_NODES = 60;

    private RandomExpressions(RandomnessSource in) {
        this.in = in;
    }

    /** Random valid programs. */
    static Gen<String> programs() {
        return in -> new RandomExpressions(in).program();
    }

    /** Random event payloads: Maps with numbers, strings, lists and nested maps. */
    static Gen<Object> events() {
        return in -> new RandomExpressions(in).value(3);
    }

    /** One of {@code sources} (real expressions, such as the shared test vectors') with a few characters changed. */
    static Gen<String> mangled(List<String> sources) {
        return in -> {
            RandomExpressions r = new RandomExpressions(in);
            return r.mangle(sources.get(r.pick(sources.size())));
        };
    }

    /** Random text: characters of the language, arbitrary code points, and mangled valid programs. */
    static Gen<String> garbage() {
        return in -> {
            RandomExpressions r = new RandomExpressions(in);
            if (r.pick(3) == 0) {
                return r.mangle(r.program());
            }
            StringBuilder out = new StringBuilder();
            int length = r.pick(120);
            for (int i = 0; i < length; i++) {
                if (r.pick(8) == 0) {
                    out.appendCodePoint((int) in.next(Constraint.between(0, Character.MAX_CODE_POINT)));
                } else {
                    out.append(ALPHABET.charAt(r.pick(ALPHABET.length())));
                }
            }
            return out.toString();
        };
    }

    private int pick(int n) {
        return (int) in.next(Constraint.between(0, n - 1));
    }

    private boolean chance(int oneIn) {
        return pick(oneIn) == 0;
    }

    private String mangle(String program) {
        StringBuilder out = new StringBuilder(program);
        int edits = 1 + pick(4);
        for (int i = 0; i < edits && out.length() > 0; i++) {
            int at = pick(out.length());
            switch (pick(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, ALPHABET.charAt(pick(ALPHABET.length())));
                default -> out.setCharAt(at, ALPHABET.charAt(pick(ALPHABET.length())));
            }
        }
        return out.toString();
    }

    private String program() {
        StringBuilder out = new StringBuilder();
        List<String> declared = new ArrayList<>();
        int decls = pick(3);
        for (int i = 0; i < decls; i++) {
            String name = "v" + (fresh++);
            out.append(chance(2) ? "let " : "").append(name).append(" = ").append(expr(3, 0)).append("; ");
            scope.add(name);
            declared.add(name);
        }
        if (chance(4)) {
            out.append("return ");
        }
        out.append(statement(2));
        if (chance(3)) {
            out.append(';');
        }
        scope.removeAll(declared);
        return out.toString();
    }

    private String statement(int depth) {
        int kind = depth > 0 ? pick(6) : 5;
        if (kind == 0) {
            StringBuilder out = new StringBuilder("if (" + expr(2, 0) + ") { " + body(depth - 1) + " }");
            while (chance(2)) {
                out.append(" else if (").append(expr(2, 0)).append(") { ").append(body(depth - 1)).append(" }");
            }
            return out.append(" else { ").append(body(depth - 1)).append(" }").toString();
        }
        if (kind == 1) {
            String name = chance(3) ? "" : "e" + (fresh++);
            String tried = body(depth - 1);
            if (!name.isEmpty()) {
                scope.add(name);
            }
            String handler = body(depth - 1);
            scope.remove(name);
            return "try { " + tried + " } catch (" + name + ") { " + handler + " }";
        }
        return expr(4, 0);
    }

    private String body(int depth) {
        String saved = String.join(",", scope);
        String result;
        if (chance(3)) {
            String name = "w" + (fresh++);
            String init = expr(2, 0);
            scope.add(name);
            result = "let " + name + " = " + init + "; " + statement(depth);
            scope.remove(name);
        } else {
            result = statement(depth);
        }
        assert saved.equals(String.join(",", scope));
        return result;
    }

    /** An expression valid where the grammar level is at least {@code minLevel}. */
    private String expr(int depth, int minLevel) {
        if (++nodes > MAX_NODES) {
            depth = 0;
        }
        int level = depth <= 0 ? 11 : pick(12);
        String text;
        if (level == 0) {
            text = expr(depth - 1, 1) + " ? " + expr(depth - 1, 0) + " : " + expr(depth - 1, 0);
        } else if (level == 1) {
            text = "throw " + expr(depth - 1, 1);
        } else if (level <= 8) {
            String[] ops = BINARY[level - 2];
            StringBuilder out = new StringBuilder(expr(depth - 1, level + 1));
            int n = 1 + pick(2);
            for (int i = 0; i < n; i++) {
                out.append(' ').append(ops[pick(ops.length)]).append(' ').append(expr(depth - 1, level + 1));
            }
            text = out.toString();
        } else if (level == 9) {
            String[] ops = {"!", "-", "typeof "};
            StringBuilder out = new StringBuilder();
            int n = 1 + pick(3);
            for (int i = 0; i < n; i++) {
                out.append(ops[pick(3)]);
            }
            text = out.append(expr(depth - 1, 10)).toString();
        } else if (level == 10) {
            text = postfix(depth);
        } else {
            text = primary(depth);
        }
        boolean needed = level < minLevel;
        return needed || (chance(8) && level != 11) ? "(" + text + ")" : text;
    }

    private String postfix(int depth) {
        StringBuilder out = new StringBuilder(primaryAsBase(depth));
        int links = 1 + pick(3);
        for (int i = 0; i < links; i++) {
            String dot = chance(3) ? "?." : ".";
            switch (pick(4)) {
                case 0 -> out.append(dot).append(MEMBERS[pick(MEMBERS.length)]);
                case 1 -> out.append(dot.equals("?.") ? "?.[" : "[").append(expr(depth - 1, 0)).append(']');
                default -> out.append(dot).append(METHODS[pick(METHODS.length)]).append('(').append(args(depth - 1))
                        .append(')');
            }
        }
        return out.toString();
    }

    private String primaryAsBase(int depth) {
        String base = primary(depth - 1);
        return base.startsWith("-") ? "(" + base + ")" : base;
    }

    private String args(int depth) {
        int n = pick(3);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ", ").append(chance(2) ? arrow(depth) : expr(depth, 0));
        }
        return out.toString();
    }

    private String arrow(int depth) {
        int n = pick(3);
        List<String> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            params.add(PARAMS[i] + (fresh++));
        }
        scope.addAll(params);
        String body = expr(depth, 0);
        scope.removeAll(params);
        String head = n == 1 && chance(2) ? params.get(0) : "(" + String.join(", ", params) + ")";
        return head + " => " + body;
    }

    private String primary(int depth) {
        int kind = pick(depth > 0 && nodes <= MAX_NODES ? 10 : 6);
        switch (kind) {
            case 0:
                return number();
            case 1:
                return string();
            case 2:
                return new String[] {"true", "false", "null"}[pick(3)];
            case 3:
            case 4:
                return "event";
            case 5:
                return scope.isEmpty() ? "event" : scope.get(pick(scope.size()));
            case 6: {
                StringBuilder out = new StringBuilder("[");
                int n = pick(4);
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : ", ").append(expr(depth - 1, 0));
                }
                return out.append(']').toString();
            }
            case 7: {
                StringBuilder out = new StringBuilder("{");
                int n = pick(3);
                for (int i = 0; i < n; i++) {
                    String key = chance(2) ? MEMBERS[pick(MEMBERS.length)] : string();
                    out.append(i == 0 ? "" : ", ").append(key).append(": ").append(expr(depth - 1, 0));
                }
                return out.append('}').toString();
            }
            case 8:
                return "`a" + (chance(2) ? "\\`$" : "") + "${" + expr(depth - 1, 0) + "}b${" + expr(depth - 1, 0) + "}`";
            default:
                return "(" + expr(depth - 1, 0) + ")";
        }
    }

    private String number() {
        switch (pick(4)) {
            case 0:
                return Integer.toString(pick(10));
            case 1:
                return pick(1000) + "." + pick(1000);
            case 2:
                return pick(10) + "e" + (chance(2) ? "-" : "") + pick(30);
            default:
                return Integer.toString(pick(100_000));
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        char quote = chance(2) ? '\'' : '"';
        out.append(quote);
        int n = pick(6);
        for (int i = 0; i < n; i++) {
            switch (pick(6)) {
                case 0 -> out.append("\\").append("nrt0\\'\"`$".charAt(pick(9)));
                case 1 -> out.append("\\u00").append(Integer.toHexString(0x10 + pick(0xef)));
                case 2 -> out.append("\ud83d\ude00");
                default -> out.append("abc XYZ.,{}".charAt(pick(11)));
            }
        }
        return out.append(quote).toString();
    }

    private Object value(int depth) {
        int kind = depth <= 0 ? pick(5) : pick(8);
        switch (kind) {
            case 0:
                return null;
            case 1:
                return chance(2);
            case 2:
                return chance(2) ? (Object) pick(10) : (Object) (pick(1000) / 8.0);
            case 3:
                return MEMBERS[pick(MEMBERS.length)];
            case 4: {
                List<Object> list = new ArrayList<>();
                int n = pick(chance(4) ? 200 : 6);
                for (int i = 0; i < n; i++) {
                    list.add(pick(20));
                }
                return list;
            }
            case 5: {
                List<Object> list = new ArrayList<>();
                int n = pick(5);
                for (int i = 0; i < n; i++) {
                    list.add(value(depth - 1));
                }
                return list;
            }
            default: {
                Map<String, Object> map = new LinkedHashMap<>();
                int n = pick(6);
                for (int i = 0; i < n; i++) {
                    map.put(MEMBERS[pick(MEMBERS.length)], value(depth - 1));
                }
                return map;
            }
        }
    }
}
