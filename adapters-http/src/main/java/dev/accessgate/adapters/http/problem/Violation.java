package dev.accessgate.adapters.http.problem;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One thing wrong with a request.
 *
 * @param pointer an RFC 6901 JSON pointer into the body ({@code /data/objects/0/ids}), or a
 *                name such as {@code header:ce-id} or {@code path:cloudId} outside it
 */
@Serdeable
public record Violation(String pointer, String detail) {
}
