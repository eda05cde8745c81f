package dev.accessgate.domain.migration;

import dev.accessgate.domain.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code migrationDetails} of an event: which migration the transfer belongs to. Every
 * field is optional (the platform documents them all, but new event types may differ);
 * {@code jiraClientKey} and {@code confluenceClientKey} are {@code unknown} when that product
 * takes no part, and are kept as sent.
 *
 * @param createdAt when the migration was created (sent as epoch seconds)
 */
public record MigrationDetails(Optional<String> migrationId, Optional<String> migrationScopeId,
                               Optional<String> name, Optional<Instant> createdAt, Optional<String> jiraClientKey,
                               Optional<String> confluenceClientKey, Optional<String> cloudUrl) {

    /** Longest text kept in a field (a plan name is typed by a person). */
    public static final int MAX_LENGTH = 4096;

    public MigrationDetails {
        check("migrationId", migrationId);
        check("migrationScopeId", migrationScopeId);
        check("name", name);
        Objects.requireNonNull(createdAt, "createdAt");
        if (createdAt.isPresent() && createdAt.get().getNano() != 0) {
            throw DomainException.invalid("createdAt", "createdAt is a whole number of epoch seconds");
        }
        check("jiraClientKey", jiraClientKey);
        check("confluenceClientKey", confluenceClientKey);
        check("cloudUrl", cloudUrl);
    }

    /** No details: the event carried none. */
    public static MigrationDetails none() {
        return new MigrationDetails(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void check(String field, Optional<String> value) {
        Objects.requireNonNull(value, field);
        if (value.isPresent() && value.get().length() > MAX_LENGTH) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, field,
                    field + " is longer than " + MAX_LENGTH + " characters");
        }
    }
}
