package dev.accessgate.application.port.out;

import java.time.Instant;

/**
 * Removes what is kept only for looking back: raw events and finished deliveries older than
 * the retention. The ledger (blocks, facts, baselines, counters), installations and migration
 * transfers are never touched. May throw {@link StoreException}.
 */
public interface RetentionStore {

    /** What one {@link #prune} call removed. */
    record Pruned(int deliveries, int events) {

        /** Whether this call removed less than {@code limit} of each: nothing older is left. */
        public boolean removedFewerThan(int limit) {
            return deliveries < limit && events < limit;
        }
    }

    /**
     * In one transaction, oldest first: removes at most {@code limit} finished deliveries
     * (SUCCEEDED, DEAD, FILTERED) created before {@code cutoff}, with their attempts; then at
     * most {@code limit} events received before {@code cutoff} that have no delivery left and
     * are not UNPROCESSED (an unprocessed event is the only copy of what it says, kept until it
     * is reprocessed). A delivery still waiting or running, and its event, are kept.
     */
    Pruned prune(Instant cutoff, int limit);
}
