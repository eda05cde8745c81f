package dev.accessgate.application.model;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * SHA-256 over the meaning of an event: type, source, time and its data with object keys
 * sorted. The same event sent again, in another content mode or with other whitespace,
 * has the same fingerprint; that is how a redelivery is told from an id reused by mistake.
 */
public final class EventFingerprint {

    private EventFingerprint() {
    }

    /**
     * @param data a JSON value tree: {@code Map<String, ?>}, {@code List<?>}, String, Number,
     *             Boolean or null
     */
    public static String of(String type, String source, Instant time, Object data) {
        MessageDigest digest = Digests.sha256();
        update(digest, "type");
        update(digest, type);
        update(digest, "source");
        update(digest, source);
        update(digest, "time");
        update(digest, time.toString());
        update(digest, "data");
        feed(digest, data);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void feed(MessageDigest digest, Object value) {
        if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>();
            map.keySet().forEach(k -> keys.add((String) k));
            keys.sort(null);
            update(digest, "{" + keys.size());
            for (String key : keys) {
                update(digest, key);
                feed(digest, map.get(key));
            }
        } else if (value instanceof List<?> list) {
            update(digest, "[" + list.size());
            for (Object item : list) {
                feed(digest, item);
            }
        } else if (value instanceof String s) {
            update(digest, "s");
            update(digest, s);
        } else if (value == null) {
            update(digest, "null");
        } else {
            update(digest, value.getClass() == Boolean.class ? "b" : "n");
            update(digest, value.toString());
        }
    }

    private static void update(MessageDigest digest, String text) {
        Digests.update(digest, text);
    }
}
