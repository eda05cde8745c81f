package dev.accessgate.application.model;

import dev.accessgate.domain.policy.ObjectRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The objects a baseline lists, handed over in batches so that a million of them never
 * have to be in memory at once. Read once per import, inside the store's transaction.
 */
@FunctionalInterface
public interface BaselineObjects {

    /** Objects per batch of {@link #of}. */
    int BATCH = 1_000;

    /**
     * Hands every listed object to {@code batch}, a batch at a time, in the order they were
     * sent (repeats allowed). Throwing aborts the import: nothing is applied.
     */
    void forEachBatch(Consumer<List<ObjectRef>> batch);

    /** The objects of an in-memory collection. */
    static BaselineObjects of(Collection<ObjectRef> objects) {
        List<ObjectRef> all = List.copyOf(objects);
        return batch -> {
            for (int from = 0; from < all.size(); from += BATCH) {
                batch.accept(new ArrayList<>(all.subList(from, Math.min(all.size(), from + BATCH))));
            }
        };
    }
}
