package dev.accessgate.application.model;

import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.ObjectRef;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * SHA-256 over what a baseline says: id, time, product, types, containers and the set of
 * its objects. Order and repeats in the request do not matter (sets are hashed sorted by
 * code point), so the same baseline sent again is recognised; another baseline under the
 * same id is not. Stores feed the objects sorted, which they can do from an index without
 * holding them in memory.
 */
public final class BaselineFingerprint {

    private static final Comparator<ObjectRef> BY_TYPE_AND_ID = Comparator
            .comparing(ObjectRef::type, Text::compareCodePoints)
            .thenComparing(ObjectRef::id, Text::compareCodePoints);

    private final MessageDigest digest;
    private String lastType;
    private String lastId;

    private BaselineFingerprint(BaselineHeader header) {
        digest = Digests.sha256();
        update("id");
        update(header.id().value());
        update("time");
        update(header.time().toString());
        update("product");
        update(header.product().name());
        update("types");
        header.types().ifPresentOrElse(this::updateSet, () -> update("*"));
        update("containers");
        header.containers().ifPresentOrElse(this::updateSet, () -> update("-"));
        update("objects");
    }

    /** Starts a fingerprint; feed it the objects with {@link #object} in order, then {@link #finish}. */
    public static BaselineFingerprint start(BaselineHeader header) {
        return new BaselineFingerprint(header);
    }

    /** The fingerprint of a baseline whose objects are all in memory. */
    public static String of(BaselineHeader header, Collection<ObjectRef> objects) {
        List<ObjectRef> sorted = new ArrayList<>(Set.copyOf(objects));
        sorted.sort(BY_TYPE_AND_ID);
        BaselineFingerprint fingerprint = start(header);
        sorted.forEach(object -> fingerprint.object(object.type(), object.id()));
        return fingerprint.finish();
    }

    /**
     * The next object. Objects must come sorted by type, then id, by code point (UTF-8 byte
     * order, as SQLite sorts text), each once.
     */
    public void object(String type, String id) {
        if (lastType != null) {
            int order = Text.compareCodePoints(lastType, type);
            if (order > 0 || (order == 0 && Text.compareCodePoints(lastId, id) >= 0)) {
                throw new IllegalArgumentException("objects must be fed sorted and distinct: " + type + "/" + id
                        + " after " + lastType + "/" + lastId);
            }
        }
        lastType = type;
        lastId = id;
        update(type);
        update(id);
    }

    /** The hex digest. */
    public String finish() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void updateSet(Set<String> values) {
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Text::compareCodePoints);
        update("[" + sorted.size());
        sorted.forEach(this::update);
    }

    private void update(String text) {
        Digests.update(digest, text);
    }
}
