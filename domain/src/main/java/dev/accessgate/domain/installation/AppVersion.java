package dev.accessgate.domain.installation;

import dev.accessgate.domain.Text;
import java.math.BigInteger;

/**
 * A Forge app version such as {@code 9.0.0}. Ordered part by part (split at {@code .} and
 * {@code -}): numeric parts as numbers, others as text, a numeric part before a textual one,
 * fewer parts first; equal orderings fall back to the text itself, so the order is total
 * and consistent with {@code equals}.
 */
public record AppVersion(String value) implements Comparable<AppVersion> {

    public AppVersion {
        Text.identifier("app.version", value);
    }

    @Override
    public int compareTo(AppVersion other) {
        String[] mine = value.split("[.-]", -1);
        String[] theirs = other.value.split("[.-]", -1);
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            int c = comparePart(mine[i], theirs[i]);
            if (c != 0) {
                return c;
            }
        }
        int c = Integer.compare(mine.length, theirs.length);
        return c != 0 ? c : Text.compareCodePoints(value, other.value);
    }

    private static int comparePart(String a, String b) {
        boolean numA = isNumber(a);
        boolean numB = isNumber(b);
        if (numA && numB) {
            return new BigInteger(a).compareTo(new BigInteger(b));
        }
        if (numA != numB) {
            return numA ? -1 : 1;
        }
        return Text.compareCodePoints(a, b);
    }

    private static boolean isNumber(String part) {
        if (part.isEmpty() || part.length() > 30) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
