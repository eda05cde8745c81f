package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.domain.policy.ObjectRef;

/**
 * The 64-bit key of an object in the in-memory index: a hash of product, type and id. Two
 * objects share a key with probability about 2^-64 per pair; the index then answers "blocked"
 * for the unblocked one, the safe side for an access gate (decision 12). Never 0: the table
 * uses 0 for an empty slot.
 */
final class ObjectKeys {

    private static final long SEED = 0x2545F4914F6CDD1DL;

    private ObjectKeys() {
    }

    static long of(ObjectRef object) {
        return of(object.product().name(), object.type(), object.id());
    }

    static long of(String product, String type, String id) {
        long h = mix(mix(mix(SEED, product), type), id);
        h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
        h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /**
     * Every step is a bijection of {@code h} for a given character, and the length closes each
     * part, so ("ab", "c") and ("a", "bc") differ.
     */
    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 29;
        }
        return (h ^ s.length()) * 0xBF58476D1CE4E5B9L;
    }
}
