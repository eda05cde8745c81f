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
            if (Character.isISOControl(value.charAt(i))) {
                throw DomainException.invalid(field, field + " must not contain control characters");
            }
        }
        return value;
    }

    /** As {@link #identifier} and lower-cased without locale surprises (Confluence = confluence). */
    public static String lowerIdentifier(String field, String value) {
        return identifier(field, value).toLowerCase(Locale.ROOT);
    }
}
