package dev.accessgate.adapters.http.ingest;

import java.time.Instant;
import java.util.Map;

/**
 * An event whose context attributes have been validated, whatever content mode it came in.
 *
 * @param data       the event data as a JSON value tree (may be null)
 * @param extensions attributes beyond the ones named here, kept as sent
 * @param body       the event as JSON text, as it will be stored
 */
record InboundEvent(String id, String source, String type, Instant time, Object data,
                    Map<String, Object> extensions, String contentMode, String body) {
}
