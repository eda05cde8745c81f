package dev.accessgate.application.model;

import java.time.Instant;

/**
 * The digest of a migration event's canonical body (object keys sorted, whitespace and key
 * order ignored; see {@link EventFingerprint}). It identifies an event the platform sent
 * without a {@code messageId}, and tells a redelivery from a reused {@code messageId}.
 */
public final class MigrationFingerprint {

    private MigrationFingerprint() {
    }

    /** @param body the JSON value tree of the whole request body */
    public static String of(Object body) {
        // The body is all there is: no separate type, source or time to mix in, so fixed values.
        return EventFingerprint.of("app-migration", "app-migration", Instant.EPOCH, body);
    }
}
