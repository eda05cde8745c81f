package dev.accessgate.domain.installation;

import dev.accessgate.domain.DomainException;
import java.nio.charset.StandardCharsets;

/**
 * A Connect client's shared secret: the HS256 key of that client's JWTs. Its text never
 * leaves through {@link #toString()}; messages about it never quote it.
 *
 * <p>At least 32 bytes: HS256 keys shorter than the hash are refused by RFC 7518 (3.2) and by
 * the JWT library.
 */
public record SharedSecret(String value) {

    /** Shortest accepted secret, in UTF-8 bytes (HS256 wants a 256-bit key). */
    public static final int MIN_BYTES = 32;
    /** Longest accepted secret, in characters. */
    public static final int MAX_LENGTH = 4096;

    public SharedSecret {
        if (value == null || value.isEmpty()) {
            throw DomainException.invalid("sharedSecret", "sharedSecret is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw DomainException.invalid("sharedSecret", "sharedSecret is longer than " + MAX_LENGTH + " characters");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length < MIN_BYTES) {
            throw DomainException.invalid("sharedSecret",
                    "sharedSecret must be at least " + MIN_BYTES + " bytes (an HS256 key)");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i)) || Character.isSurrogate(value.charAt(i))) {
                throw DomainException.invalid("sharedSecret", "sharedSecret must be printable text");
            }
        }
    }

    /** The secret as UTF-8 bytes, the HMAC key; a new array on each call. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SharedSecret[redacted]";
    }
}
