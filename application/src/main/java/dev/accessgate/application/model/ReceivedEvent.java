package dev.accessgate.application.model;

import dev.accessgate.domain.policy.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * An event as it arrived, kept verbatim next to its effect.
 *
 * @param body        the event as JSON text (the whole CloudEvent in structured mode)
 * @param contentMode how it arrived: {@code structured}, {@code binary} or {@code plain}
 * @param fingerprint digest of its meaning (see {@link EventFingerprint}); a redelivery has
 *                    the same one, a different event reusing the id does not
 */
public record ReceivedEvent(EventId id, String type, String source, Instant time, Instant receivedAt,
                            String contentMode, String body, String fingerprint) {

    public ReceivedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(contentMode, "contentMode");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
