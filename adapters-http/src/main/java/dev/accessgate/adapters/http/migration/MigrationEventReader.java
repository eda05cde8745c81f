package dev.accessgate.adapters.http.migration;

import dev.accessgate.adapters.http.json.JsonPaths;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.model.MigrationFingerprint;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.migration.MigrationDetails;
import dev.accessgate.domain.migration.MigrationEvent;
import dev.accessgate.domain.migration.MigrationEventType;
import dev.accessgate.domain.migration.TransferId;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the body of {@code POST /migration/events} into a {@link MigrationEvent}. Every problem
 * is a violation with a JSON pointer; all of them are reported at once (400). A {@code null}
 * value is taken as absent; fields this version does not know are kept only in the raw body.
 * {@code s3Key} and {@code label} are read only on {@code app-data-uploaded} (the only type the
 * platform sends them on).
 */
final class MigrationEventReader {

    /** Latest {@code createdAt} accepted: 9999-12-31T23:59:59Z. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    private final Map<String, Object> body;
    private final List<Violation> violations = new ArrayList<>();

    private MigrationEventReader(Map<String, Object> body) {
        this.body = body;
    }

    /** The event in {@code bytes}, signed by {@code sender}, received at {@code receivedAt}. */
    static MigrationEvent read(byte[] bytes, String sender, Instant receivedAt) {
        Object json = JsonTreeReader.read(bytes);
        if (!(json instanceof Map<?, ?> map)) {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "", "the body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) map;
        return new MigrationEventReader(body).event(sender, receivedAt, MigrationFingerprint.of(body));
    }

    private MigrationEvent event(String sender, Instant receivedAt, String fingerprint) {
        MigrationEventType type = required("", "eventType", MigrationEventType::new);
        Optional<TransferId> transferId = optional("", "transferId", TransferId::new);
        Optional<String> messageId = optional("", "messageId", Function.identity());
        Optional<String> cloudAppKey = optional("", "cloudAppKey", Function.identity());
        Optional<String> serverAppVersion = optional("", "serverAppVersion", Function.identity());
        Optional<MigrationDetails> details = details();
        boolean uploaded = MigrationEventType.APP_DATA_UPLOADED.equals(type);
        Optional<String> s3Key = uploaded ? optional("", "s3Key", Function.identity()) : Optional.empty();
        Optional<String> label = uploaded ? optional("", "label", Function.identity()) : Optional.empty();
        Optional<TransferId> originalTransferId = optional("", "originalTransferId", TransferId::new);
        throwIfInvalid();
        try {
            return new MigrationEvent(type, transferId, messageId, fingerprint, sender, cloudAppKey, serverAppVersion,
                    details, s3Key, label, originalTransferId, receivedAt);
        } catch (DomainException e) {
            // Rules across fields (a known type needs its transferId, ...): the field named is a top-level one.
            violations.add(new Violation(JsonPaths.child("", e.field()), e.getMessage()));
            throwIfInvalid();
            throw e;
        }
    }

    private Optional<MigrationDetails> details() {
        Object value = body.get("migrationDetails");
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(new Violation("/migrationDetails", "must be an object"));
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) map;
        String at = "/migrationDetails";
        Optional<String> migrationId = optional(details, at, "migrationId");
        Optional<String> migrationScopeId = optional(details, at, "migrationScopeId");
        Optional<String> name = optional(details, at, "name");
        Optional<Instant> createdAt = createdAt(details.get("createdAt"));
        Optional<String> jiraClientKey = optional(details, at, "jiraClientKey");
        Optional<String> confluenceClientKey = optional(details, at, "confluenceClientKey");
        Optional<String> cloudUrl = optional(details, at, "cloudUrl");
        try {
            return Optional.of(new MigrationDetails(migrationId, migrationScopeId, name, createdAt, jiraClientKey,
                    confluenceClientKey, cloudUrl));
        } catch (DomainException e) {
            violations.add(new Violation(JsonPaths.child(at, e.field()), e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<Instant> createdAt(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        long seconds;
        if (value instanceof Long l) {
            seconds = l;
        } else if (value instanceof Integer i) {
            seconds = i;
        } else if (value instanceof BigInteger) {
            seconds = -1;
        } else {
            violations.add(new Violation("/migrationDetails/createdAt", "must be an integer (epoch seconds)"));
            return Optional.empty();
        }
        if (seconds < 0 || seconds > MAX_EPOCH_SECOND) {
            violations.add(new Violation("/migrationDetails/createdAt",
                    "must be epoch seconds between 0 and " + MAX_EPOCH_SECOND));
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(seconds));
    }

    private Optional<String> optional(Map<String, Object> object, String at, String field) {
        Object value = object.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            violations.add(new Violation(JsonPaths.child(at, field), "must be a string"));
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private <T> T required(String at, String field, Function<String, T> parse) {
        if (body.get(field) == null) {
            violations.add(new Violation(JsonPaths.child(at, field), "is required"));
            return null;
        }
        return optional(at, field, parse).orElse(null);
    }

    private <T> Optional<T> optional(String at, String field, Function<String, T> parse) {
        Optional<String> text = optional(body, at, field);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.apply(text.get()));
        } catch (DomainException e) {
            violations.add(new Violation(JsonPaths.child(at, field), e.getMessage()));
            return Optional.empty();
        }
    }

    private void throwIfInvalid() {
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
    }
}
