package dev.accessgate.domain;

import java.util.Locale;

/** Validation of the identifier-like strings that the domain accepts. */
public final class Text {

    /** Longest identifier accepted anywhere (ids, products, types, cloudIds). */
    public static final int MAX_IDENTIFIER_LENGTH = 512;

    private Text() {
    }

    /**
     * Returns {@code value} if it is a usable identifier: present, not blank, at most
     * {@value #MAX_IDENTIFIER_LENGTH} characters and free of control characters.
     */
    public static String identifier(String field, String value) {
        if (value == null) {
            throw DomainException.invalid(field, field + " is required");
        }
        if (value.isBlank()) {
            throw DomainException.invalid(field, field + " must not be blank");
        }
        if (value.length() > MAX_IDENTIFIER_LENGTH) {
            throw DomainException.invalid(field,
                    field + " is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw DomainException.invalid(field, field + " must not contain control characters");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    // Cannot be stored as UTF-8; JSON lets one through as a \uD800 escape.
                    throw DomainException.invalid(field, field + " must not contain unpaired surrogates");
                }
                i++;
            }
        }
        return value;
    }

    /** As {@link #identifier} and lower-cased without locale surprises (Confluence = confluence). */
    public static String lowerIdentifier(String field, String value) {
        return identifier(field, value).toLowerCase(Locale.ROOT);
    }

    /**
     * Compares by Unicode code point, which is also the byte order of UTF-8. Stores that sort
     * text as UTF-8 bytes (SQLite, PostgreSQL with C collation) then agree with the domain.
     */
    public static int compareCodePoints(String a, String b) {
        // UTF-16 (String.compareTo) order equals code-point order except where the first
        // difference involves a surrogate: compare chars and fix up that case only. The sort of a
        // 10,000-object bulk check spent a third of its time in a codePointAt loop here.
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        for (int k = 0; k < n; k++) {
            char ca = a.charAt(k);
            char cb = b.charAt(k);
            if (ca != cb) {
                if (ca >= Character.MIN_SURROGATE && cb >= Character.MIN_SURROGATE) {
                    return Integer.compare(surrogatesLast(ca), surrogatesLast(cb));
                }
                return Integer.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Moves U+E000..U+FFFF below the surrogates, which stand for code points above U+FFFF. Both
     * halves of a pair sort the same way, so the first differing char decides.
     */
    private static int surrogatesLast(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
