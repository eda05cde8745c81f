package dev.accessgate.adapters.http.ingest;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.application.model.EventFingerprint;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Plain JSON ({@code application/json} without {@code ce-} headers), in three shapes:
 * <ul>
 *   <li>an envelope with {@code type}, {@code id}, {@code time} and {@code data}
 *       ({@code specversion} and {@code source} optional);</li>
 *   <li>a Forge payload naming its type in {@code eventType};</li>
 *   <li>a payload with no type at all (Forge lifecycle events), typed by {@code ?type=}.</li>
 * </ul>
 * Forge payloads carry no event id (a lifecycle payload's {@code id} names the installation),
 * so their id is derived from their content: a redelivery is then a duplicate, as it should be.
 */
final class PlainMode {

    /** Prefix of ids derived from content. */
    static final String DERIVED_ID_PREFIX = "sha256:";
    private static final Instant NO_TIME = Instant.EPOCH;

    private PlainMode() {
    }

    static InboundEvent read(byte[] body, String typeParameter, Instant receivedAt) {
        Object root = JsonTreeReader.read(body);
        if (!(root instanceof Map<?, ?> object)) {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "", "the event must be a JSON object");
        }
        Object eventType = object.get("eventType");
        if (typeParameter != null || eventType != null) {
            return forgePayload(object, eventType, typeParameter, receivedAt, body);
        }
        if (object.containsKey("type") && object.containsKey("data")) {
            return StructuredMode.fromObject(object, new String(body, StandardCharsets.UTF_8), true);
        }
        throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/type", "the event type is missing: send a "
                + "CloudEvent, an envelope with type, id, time and data, a Forge payload with eventType, "
                + "or name the type with ?type=");
    }

    private static InboundEvent forgePayload(Map<?, ?> payload, Object eventType, String typeParameter,
                                             Instant receivedAt, byte[] body) {
        String type;
        if (typeParameter != null) {
            if (typeParameter.isBlank()) {
                throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "query:type", "must not be empty");
            }
            if (eventType != null && !typeParameter.equals(eventType)) {
                throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/eventType",
                        "names another type than ?type= (" + Attributes.abbreviate(typeParameter) + ")");
            }
            type = typeParameter;
        } else if (eventType instanceof String text && !text.isEmpty()) {
            type = text;
        } else {
            throw ProblemException.at(ProblemException.Kind.INVALID_EVENT, "/eventType", "must be a non-empty string");
        }
        // The receive time is not part of what the payload says, so it stays out of the fingerprint.
        String fingerprint = EventFingerprint.of(type, "", NO_TIME, payload);
        return new InboundEvent(DERIVED_ID_PREFIX + fingerprint, "", type, receivedAt, payload, Map.of(), "forge",
                new String(body, StandardCharsets.UTF_8), fingerprint);
    }
}
