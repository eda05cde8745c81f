package dev.accessgate.domain.delivery;

import dev.accessgate.domain.Text;
import java.util.Objects;

/**
 * The event types a subscription takes: an exact type, or a glob where {@code *} stands for
 * any run of characters, empty included, {@code :} and {@code .} included
 * ({@code avi:jira:*:issue}). No other character is special: {@code ?}, {@code [} and
 * {@code \} match themselves. Matching is case-sensitive and takes time linear in the lengths
 * of pattern and type, whatever the pattern (no regular expressions, no backtracking).
 */
public record EventTypePattern(String value) {

    /** Longest pattern accepted. */
    public static final int MAX_LENGTH = Text.MAX_IDENTIFIER_LENGTH;

    public EventTypePattern {
        Text.identifier("events", value);
    }

    /** The pattern {@code value}: an event type, possibly with {@code *} wildcards. */
    public static EventTypePattern of(String value) {
        return new EventTypePattern(value);
    }

    /** True when the pattern has no {@code *}: it names one event type. */
    boolean isExact() {
        return value.indexOf('*') < 0;
    }

    /**
     * True when {@code eventType} matches. The pattern is cut at each {@code *} into literal
     * parts: the first must start the type, the last must end it, and the ones between must
     * occur in order, without overlap, in what is left. Taking the leftmost occurrence of each
     * is always right, and each is found with Knuth-Morris-Pratt, so no character of the type
     * is looked at more than a few times.
     */
    public boolean matches(String eventType) {
        Objects.requireNonNull(eventType, "eventType");
        int firstStar = value.indexOf('*');
        if (firstStar < 0) {
            return value.equals(eventType);
        }
        int lastStar = value.lastIndexOf('*');
        int suffixLength = value.length() - lastStar - 1;
        if (eventType.length() < firstStar + suffixLength
                || !eventType.startsWith(value.substring(0, firstStar))
                || !eventType.endsWith(value.substring(lastStar + 1))) {
            return false;
        }
        int from = firstStar;
        int end = eventType.length() - suffixLength;
        int partStart = firstStar + 1;
        while (partStart <= lastStar) {
            int partEnd = value.indexOf('*', partStart);
            if (partEnd > partStart) {
                int found = find(eventType, from, end, value.substring(partStart, partEnd));
                if (found < 0) {
                    return false;
                }
                from = found + (partEnd - partStart);
            }
            partStart = partEnd + 1;
        }
        return true;
    }

    /** Index of the first occurrence of {@code part} in {@code text[from, end)}, or -1 (Knuth-Morris-Pratt). */
    private static int find(String text, int from, int end, String part) {
        int[] fallback = new int[part.length()];
        for (int i = 1, k = 0; i < part.length(); i++) {
            while (k > 0 && part.charAt(i) != part.charAt(k)) {
                k = fallback[k - 1];
            }
            if (part.charAt(i) == part.charAt(k)) {
                k++;
            }
            fallback[i] = k;
        }
        for (int i = from, k = 0; i < end; i++) {
            while (k > 0 && text.charAt(i) != part.charAt(k)) {
                k = fallback[k - 1];
            }
            if (text.charAt(i) == part.charAt(k)) {
                k++;
            }
            if (k == part.length()) {
                return i - k + 1;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return value;
    }
}
