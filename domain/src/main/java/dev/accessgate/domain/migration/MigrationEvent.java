package dev.accessgate.domain.migration;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration event as received.
 *
 * <p>Rules: the five known types name their transfer and {@code cloudAppKey}; an event of a
 * new type may lack both (it is kept, but belongs to no transfer). Only
 * {@code app-data-uploaded} carries {@code s3Key} (required) and {@code label} (optional). A
 * rerun's {@code originalTransferId} is another transfer.
 *
 * <p>Identity: {@link #key()} is the {@code messageId}, or, when the platform sent none,
 * {@code sha256:} and the digest of the canonical body. Deliveries with the same key are the
 * same event.
 *
 * @param fingerprint digest of the canonical body (hex SHA-256, computed by the caller)
 * @param sender      the client key of the Connect JWT that signed the request
 * @param receivedAt  when accessgate received it (the platform sends no event time)
 */
public record MigrationEvent(MigrationEventType type, Optional<TransferId> transferId, Optional<String> messageId,
                             String fingerprint, String sender, Optional<String> cloudAppKey,
                             Optional<String> serverAppVersion, Optional<MigrationDetails> details,
                             Optional<String> s3Key, Optional<String> label, Optional<TransferId> originalTransferId,
                             Instant receivedAt) {

    /** Prefix of a message digest ({@code sha256:} then hex). */
    public static final String DIGEST_PREFIX = "sha256:";
    /** Longest messageId accepted (the platform sends UUIDs); it must fit in an event id with a prefix. */
    public static final int MAX_MESSAGE_ID_LENGTH = 256;

    public MigrationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(transferId, "transferId");
        messageId.ifPresent(id -> {
            Text.identifier("messageId", id);
            if (id.length() > MAX_MESSAGE_ID_LENGTH) {
                throw DomainException.invalid("messageId",
                        "messageId is longer than " + MAX_MESSAGE_ID_LENGTH + " characters");
            }
        });
        Text.identifier("fingerprint", fingerprint);
        Text.identifier("sender", sender);
        cloudAppKey.ifPresent(key -> Text.identifier("cloudAppKey", key));
        serverAppVersion.ifPresent(version -> Text.identifier("serverAppVersion", version));
        Objects.requireNonNull(details, "details");
        s3Key.ifPresent(key -> Text.identifier("s3Key", key));
        label.ifPresent(l -> {
            if (l.length() > MigrationDetails.MAX_LENGTH) {
                throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "label",
                        "label is longer than " + MigrationDetails.MAX_LENGTH + " characters");
            }
        });
        Objects.requireNonNull(originalTransferId, "originalTransferId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (type.isKnown() && transferId.isEmpty()) {
            throw DomainException.invalid("transferId", "a " + type + " event names its transferId");
        }
        if (type.isKnown() && cloudAppKey.isEmpty()) {
            throw DomainException.invalid("cloudAppKey", "a " + type + " event names its cloudAppKey");
        }
        boolean uploaded = type.equals(MigrationEventType.APP_DATA_UPLOADED);
        if (uploaded && s3Key.isEmpty()) {
            throw DomainException.invalid("s3Key", "an app-data-uploaded event names its s3Key");
        }
        if (!uploaded && s3Key.isPresent()) {
            throw DomainException.invalid("s3Key", "only app-data-uploaded events carry s3Key");
        }
        if (!uploaded && label.isPresent()) {
            throw DomainException.invalid("label", "only app-data-uploaded events carry label");
        }
        if (originalTransferId.isPresent() && originalTransferId.equals(transferId)) {
            throw DomainException.invalid("originalTransferId", "a rerun's originalTransferId must be another transfer");
        }
    }

    /** The identity of this event: its messageId, else {@code sha256:<fingerprint>}. */
    public String key() {
        return messageId.orElse(DIGEST_PREFIX + fingerprint);
    }
}
