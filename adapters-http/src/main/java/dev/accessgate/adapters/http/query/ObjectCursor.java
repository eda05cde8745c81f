package dev.accessgate.adapters.http.query;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.ObjectRef;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The position after an object in a listing, as an opaque string: base64url of product, type
 * and id separated by NUL (identifiers cannot contain control characters).
 */
final class ObjectCursor {

    private ObjectCursor() {
    }

    static String after(ObjectRef object) {
        String raw = object.product().name() + '\0' + object.type() + '\0' + object.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static ObjectRef parse(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\0", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("three parts expected");
            }
            return ObjectRef.of(parts[0], parts[1], parts[2]);
        } catch (IllegalArgumentException | DomainException e) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:cursor",
                    "is not a cursor this API returned");
        }
    }
}
