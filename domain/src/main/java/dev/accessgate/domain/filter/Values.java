package dev.accessgate.domain.filter;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The value model of spec §5: types, truthiness, equality, member access and rendering.
 * Input values are used as they are (any {@link Number} reads as a double); anything that is not
 * Null, Boolean, Number, String, List or Map raises E-TYPE when touched.
 */
final class Values {

    /** Deep operations (equality, copying a result) refuse values nested deeper than this. */
    static final int MAX_VALUE_DEPTH = 256;

    private Values() {
    }

    static String typeName(Object value, int pos) {
        if (value == null) {
            return "Null";
        }
        if (value instanceof Boolean) {
            return "Boolean";
        }
        if (value instanceof Number) {
            return "Number";
        }
        if (value instanceof String) {
            return "String";
        }
        if (value instanceof List) {
            return "List";
        }
        if (value instanceof Map) {
            return "Map";
        }
        throw unsupported(value, pos);
    }

    static EvalError unsupported(Object value, int pos) {
        return EvalError.type("the event holds a value of unsupported Java type "
                + value.getClass().getName() + " (expected Map, List, String, Number, Boolean or null)", pos);
    }

    static boolean truthy(Object value, int pos) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof List || value instanceof Map) {
            return true;
        }
        throw unsupported(value, pos);
    }

    static List<Object> list(Object[] values) {
        return Collections.unmodifiableList(Arrays.asList(values));
    }

    static List<Object> list(List<Object> values) {
        return Collections.unmodifiableList(values);
    }

    static Map<String, Object> map(Map<String, Object> values) {
        return Collections.unmodifiableMap(values);
    }

    /** {@code receiver.name}. */
    static Object member(Object receiver, String name, int pos) {
        if (receiver instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (receiver == null) {
            throw EvalError.type("cannot read property '" + name + "' of null", pos);
        }
        if ("length".equals(name)) {
            if (receiver instanceof List<?> list) {
                return (double) list.size();
            }
            if (receiver instanceof String s) {
                return (double) s.codePointCount(0, s.length());
            }
        }
        String type = typeName(receiver, pos);
        if (Methods.isMethod(receiver, name)) {
            throw EvalError.type("'" + name + "' is a method of " + type + ": call it, as in ." + name + "(...)", pos);
        }
        throw EvalError.type(type + " has no property '" + name + "'", pos);
    }

    /** {@code receiver[key]}. */
    static Object index(Object receiver, Object key, int pos) {
        if (receiver instanceof Map<?, ?> map) {
            if (key instanceof String s) {
                return map.get(s);
            }
            throw EvalError.type("a Map is indexed by a String, not by " + typeName(key, pos), pos);
        }
        if (receiver instanceof List<?> list) {
            if (!(key instanceof Number n)) {
                throw EvalError.type("a List is indexed by a Number, not by " + typeName(key, pos), pos);
            }
            double d = n.doubleValue();
            if (d != Math.rint(d)) {
                throw EvalError.type("a List index must be a whole number, got " + render(d), pos);
            }
            return d < 0 || d >= list.size() ? null : list.get((int) d);
        }
        if (receiver == null) {
            throw EvalError.type("cannot index null", pos);
        }
        throw EvalError.type("cannot index a " + typeName(receiver, pos) + " with [...]", pos);
    }

    /** Deep structural equality without coercion (spec §5.4). */
    static boolean equal(Object a, Object b, int pos) {
        return equal(a, b, pos, 0);
    }

    private static boolean equal(Object a, Object b, int pos, int depth) {
        if (a instanceof String s) {
            if (b instanceof String || b == null || b instanceof Number || b instanceof Boolean) {
                return s.equals(b);
            }
        } else if (a instanceof Number x) {
            if (b instanceof Number y) {
                return x.doubleValue() == y.doubleValue();
            }
        } else if (a == null) {
            if (b == null) {
                return true;
            }
        } else if (a instanceof Boolean) {
            if (b instanceof Boolean) {
                return a.equals(b);
            }
        } else if (a instanceof List<?> x) {
            if (b instanceof List<?> y) {
                return equalLists(x, y, pos, depth + 1);
            }
        } else if (a instanceof Map<?, ?> x) {
            if (b instanceof Map<?, ?> y) {
                return equalMaps(x, y, pos, depth + 1);
            }
        } else {
            throw unsupported(a, pos);
        }
        typeName(b, pos); // different types are unequal, but foreign objects are still an error
        return false;
    }

    private static boolean equalLists(List<?> a, List<?> b, int pos, int depth) {
        checkDepth(depth, pos);
        int size = a.size();
        if (size != b.size()) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!equal(a.get(i), b.get(i), pos, depth)) {
                return false;
            }
        }
        return true;
    }

    private static boolean equalMaps(Map<?, ?> a, Map<?, ?> b, int pos, int depth) {
        checkDepth(depth, pos);
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> entry : a.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String)) {
                throw EvalError.type("the event holds a Map whose key is not a String", pos);
            }
            Object other = b.get(key);
            if (other == null && !b.containsKey(key)) {
                return false;
            }
            if (!equal(entry.getValue(), other, pos, depth)) {
                return false;
            }
        }
        return true;
    }

    private static void checkDepth(int depth, int pos) {
        if (depth > MAX_VALUE_DEPTH) {
            throw EvalError.type("values nested more than " + MAX_VALUE_DEPTH + " levels deep are not supported", pos);
        }
    }

    /** Compares Strings by code point (not by UTF-16 unit). */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    /** How a template renders a value (spec §5.6). */
    static String render(Object value, int pos) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number n) {
            return render(n.doubleValue());
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        throw EvalError.type("a template cannot render a " + typeName(value, pos), pos);
    }

    /**
     * Renders a number the way JavaScript does: integral values below 1e21 as plain digits, others
     * with the shortest decimal that reads back as the same double.
     */
    static String render(double d) {
        if (d == 0) {
            return "0";
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        BigDecimal shortest = shortest(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int k = digits.length();
        int n = k - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            int e = n - 1;
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
    }

    /**
     * Copies a value into the public result form: Double numbers, unmodifiable Lists and Maps.
     * Used only for a non-Boolean result, which is reported with its E-RESULT error.
     */
    static Object export(Object value, int pos) {
        return export(value, pos, 0);
    }

    private static Object export(Object value, int pos, int depth) {
        if (value == null || value instanceof Boolean || value instanceof String || value instanceof Double) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof List<?> list) {
            checkDepth(depth + 1, pos);
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(export(item, pos, depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            checkDepth(depth + 1, pos);
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw EvalError.type("the event holds a Map whose key is not a String", pos);
                }
                copy.put(key, export(entry.getValue(), pos, depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        throw unsupported(value, pos);
    }
}
