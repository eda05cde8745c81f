package dev.accessgate.adapters.http.ingest;

import dev.accessgate.application.model.EventFingerprint;
import java.time.Instant;
import java.util.Map;

/**
 * An event whose context attributes have been validated, whatever content mode it came in.
 *
 * @param data        the event data as a JSON value tree (may be null); for a Forge payload,
 *                    the whole payload
 * @param extensions  attributes beyond the ones named here, kept as sent
 * @param contentMode {@code structured}, {@code binary}, {@code envelope} or {@code forge}
 * @param body        the event as JSON text, as it will be stored
 * @param fingerprint what the event says (see {@link EventFingerprint})
 */
record InboundEvent(String id, String source, String type, Instant time, Object data,
                    Map<String, Object> extensions, String contentMode, String body, String fingerprint) {

    /** An event whose identity is its attributes: the fingerprint covers type, source, time and data. */
    InboundEvent(String id, String source, String type, Instant time, Object data,
                 Map<String, Object> extensions, String contentMode, String body) {
        this(id, source, type, time, data, extensions, contentMode, body,
                EventFingerprint.of(type, source, time, data));
    }
}
