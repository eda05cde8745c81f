package dev.accessgate.domain.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The built-in methods of spec §6. Arguments arrive evaluated, except arrows, which arrive as {@link Node.Arrow}. */
final class Methods {

    static final Set<String> LIST_METHODS = Set.of(
            "map", "filter", "some", "every", "find", "flatMap", "reduce", "includes", "indexOf", "slice", "flatten");
    static final Set<String> STRING_METHODS = Set.of(
            "toLowerCase", "toUpperCase", "trim", "includes", "startsWith", "endsWith", "indexOf", "slice", "split");
    /** Methods that invoke a callback once per element (spec §10). */
    static final Set<String> ITERATING = Set.of("map", "filter", "some", "every", "find", "flatMap", "reduce");

    private Methods() {
    }

    static boolean isMethod(Object receiver, String name) {
        return receiver instanceof List ? LIST_METHODS.contains(name)
                : receiver instanceof String && STRING_METHODS.contains(name);
    }

    static Object call(Node.Call call, Object receiver, Object[] args, Ctx ctx) {
        if (receiver instanceof List<?> list) {
            if (LIST_METHODS.contains(call.name())) {
                return listMethod(call, list, args, ctx);
            }
        } else if (receiver instanceof String s) {
            if (STRING_METHODS.contains(call.name())) {
                return stringMethod(call, s, args, ctx);
            }
        }
        String type = Values.typeName(receiver, call.pos());
        if (receiver instanceof List || receiver instanceof String) {
            throw EvalError.type(type + " has no method '" + call.name() + "'", call.pos());
        }
        throw EvalError.type("a " + type + " has no methods (called '" + call.name() + "')", call.pos());
    }

    private static Object listMethod(Node.Call call, List<?> list, Object[] args, Ctx ctx) {
        switch (call.name()) {
            case "map": return map(list, callback(call, args, 1), ctx, call.pos());
            case "filter": return filter(list, callback(call, args, 1), ctx, call.pos());
            case "some": return firstMatch(list, callback(call, args, 1), true, ctx) >= 0;
            case "every": return firstMatch(list, callback(call, args, 1), false, ctx) < 0;
            case "find": {
                int at = firstMatch(list, callback(call, args, 1), true, ctx);
                return at < 0 ? null : list.get(at);
            }
            case "flatMap": return flatMap(list, callback(call, args, 1), ctx, call.pos());
            case "reduce": {
                arity(call, args, 2, 2);
                return reduce(list, arrow(call, args, 0, 2), value(call, args, 1), ctx);
            }
            case "includes": {
                arity(call, args, 1, 1);
                return indexOf(list, value(call, args, 0), call.pos()) >= 0;
            }
            case "indexOf": {
                arity(call, args, 1, 1);
                return (double) indexOf(list, value(call, args, 0), call.pos());
            }
            case "slice": {
                int[] range = sliceRange(call, args, list.size());
                ctx.build(range[1] - range[0], call.pos());
                return Values.list(new ArrayList<>(list.subList(range[0], range[1])));
            }
            case "flatten": {
                arity(call, args, 0, 0);
                List<Object> out = new ArrayList<>();
                for (Object item : list) {
                    splice(item, out, ctx, call.pos());
                }
                return Values.list(out);
            }
            default:
                throw new IllegalStateException(call.name());
        }
    }

    private static Object map(List<?> list, Node.Arrow f, Ctx ctx, int pos) {
        int size = list.size();
        ctx.build(size, pos);
        Object[] out = new Object[size];
        for (int i = 0; i < size; i++) {
            out[i] = f.invoke(list.get(i), ctx);
        }
        return Values.list(out);
    }

    private static Object filter(List<?> list, Node.Arrow f, Ctx ctx, int pos) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (Values.truthy(f.invoke(item, ctx), f.pos())) {
                out.add(item);
            }
        }
        ctx.build(out.size(), pos);
        return Values.list(out);
    }

    /** Index of the first element whose callback result has truthiness {@code wanted}, or -1; stops there. */
    private static int firstMatch(List<?> list, Node.Arrow f, boolean wanted, Ctx ctx) {
        for (int i = 0; i < list.size(); i++) {
            if (Values.truthy(f.invoke(list.get(i), ctx), f.pos()) == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static Object flatMap(List<?> list, Node.Arrow f, Ctx ctx, int pos) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            splice(f.invoke(list.get(i), ctx), out, ctx, pos);
        }
        return Values.list(out);
    }

    private static Object reduce(List<?> list, Node.Arrow f, Object init, Ctx ctx) {
        Object acc = init;
        for (int i = 0; i < list.size(); i++) {
            acc = f.invoke(acc, list.get(i), ctx);
        }
        return acc;
    }

    private static int indexOf(List<?> list, Object needle, int pos) {
        for (int i = 0; i < list.size(); i++) {
            if (Values.equal(list.get(i), needle, pos)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends {@code value} to {@code out}, splicing in the elements of a List. */
    private static void splice(Object value, List<Object> out, Ctx ctx, int pos) {
        if (value instanceof List<?> items) {
            ctx.build(items.size(), pos);
            out.addAll(items);
        } else {
            ctx.build(1, pos);
            out.add(value);
        }
    }

    private static Object stringMethod(Node.Call call, String s, Object[] args, Ctx ctx) {
        int pos = call.pos();
        switch (call.name()) {
            case "toLowerCase":
                arity(call, args, 0, 0);
                return built(s.toLowerCase(Locale.ROOT), ctx, pos);
            case "toUpperCase":
                arity(call, args, 0, 0);
                return built(s.toUpperCase(Locale.ROOT), ctx, pos);
            case "trim":
                arity(call, args, 0, 0);
                return built(trim(s), ctx, pos);
            case "includes":
                return s.contains(stringArg(call, args));
            case "startsWith":
                return s.startsWith(stringArg(call, args));
            case "endsWith":
                return s.endsWith(stringArg(call, args));
            case "indexOf": {
                int at = s.indexOf(stringArg(call, args));
                return (double) (at < 0 ? -1 : s.codePointCount(0, at));
            }
            case "slice": {
                int[] range = sliceRange(call, args, s.codePointCount(0, s.length()));
                int from = s.offsetByCodePoints(0, range[0]);
                int to = s.offsetByCodePoints(from, range[1] - range[0]);
                return built(s.substring(from, to), ctx, pos);
            }
            case "split":
                return split(s, stringArg(call, args), ctx, pos);
            default:
                throw new IllegalStateException(call.name());
        }
    }

    private static String built(String result, Ctx ctx, int pos) {
        ctx.build(result.length(), pos);
        return result;
    }

    private static String trim(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isTrimmed(s.charAt(from))) {
            from++;
        }
        while (to > from && isTrimmed(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isTrimmed(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static List<Object> split(String s, String separator, Ctx ctx, int pos) {
        List<Object> out = new ArrayList<>();
        ctx.build(s.length(), pos);
        if (separator.isEmpty()) {
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                int next = i + Character.charCount(cp);
                ctx.build(1, pos);
                out.add(s.substring(i, next));
                i = next;
            }
            return Values.list(out);
        }
        int from = 0;
        while (true) {
            ctx.build(1, pos);
            int at = s.indexOf(separator, from);
            if (at < 0) {
                out.add(s.substring(from));
                return Values.list(out);
            }
            out.add(s.substring(from, at));
            from = at + separator.length();
        }
    }

    /** JS slice: negative indexes count from the end, results clamp to [0, length]. */
    private static int[] sliceRange(Node.Call call, Object[] args, int length) {
        arity(call, args, 1, 2);
        int from = sliceIndex(call, args, 0, length);
        int to = args.length > 1 ? sliceIndex(call, args, 1, length) : length;
        return new int[] {from, Math.max(from, to)};
    }

    private static int sliceIndex(Node.Call call, Object[] args, int i, int length) {
        Object arg = value(call, args, i);
        if (!(arg instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw EvalError.type("'slice' needs whole Numbers as arguments, got "
                    + (arg instanceof Number n2 ? Values.render(n2.doubleValue()) : "a " + Values.typeName(arg, call.pos())),
                    call.pos());
        }
        double d = n.doubleValue();
        double index = d < 0 ? Math.max(0, length + d) : Math.min(d, length);
        return (int) index;
    }

    private static String stringArg(Node.Call call, Object[] args) {
        arity(call, args, 1, 1);
        Object arg = value(call, args, 0);
        if (arg instanceof String s) {
            return s;
        }
        throw EvalError.type("'" + call.name() + "' needs a String argument, got " + Values.typeName(arg, call.pos()),
                call.pos());
    }

    private static void arity(Node.Call call, Object[] args, int min, int max) {
        if (args.length < min || args.length > max) {
            String expected = min == max ? min + (min == 1 ? " argument" : " arguments")
                    : min + " or " + max + " arguments";
            throw EvalError.type("'" + call.name() + "' takes " + expected + ", got " + args.length, call.pos());
        }
    }

    private static Object value(Node.Call call, Object[] args, int i) {
        if (args[i] instanceof Node.Arrow arrow) {
            throw EvalError.type("argument " + (i + 1) + " of '" + call.name() + "' must be a value, not an arrow function",
                    arrow.pos());
        }
        return args[i];
    }

    private static Node.Arrow callback(Node.Call call, Object[] args, int params) {
        arity(call, args, 1, 1);
        return arrow(call, args, 0, params);
    }

    private static Node.Arrow arrow(Node.Call call, Object[] args, int i, int params) {
        if (!(args[i] instanceof Node.Arrow arrow)) {
            throw EvalError.type("argument " + (i + 1) + " of '" + call.name() + "' must be an arrow function, like x => ...",
                    call.pos());
        }
        if (arrow.params().length != params) {
            throw EvalError.type("the arrow function given to '" + call.name() + "' must take exactly " + params
                    + (params == 1 ? " parameter" : " parameters") + ", not " + arrow.params().length, arrow.pos());
        }
        return arrow;
    }
}
