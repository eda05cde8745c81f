package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.EventId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.StampedLock;

/**
 * The blocked objects of one workspace in memory: an open-addressing table (linear probing, no
 * removal) from an {@link ObjectKeys object key} to the index of its answer in a small table of
 * distinct blocks (one per event or baseline). 12 bytes per slot, no object per entry, and a
 * look-up allocates nothing (the answers are kept as ready-made {@code Optional}s).
 *
 * <p>One writer at a time ({@code synchronized}); readers take an optimistic {@link StampedLock}
 * read and retry under the read lock only if a write overlapped, so event-loop threads never
 * wait for each other.
 */
final class ObjectTable {

    /** Grows past this load: linear probing stays short, and a slot is always empty. */
    private static final double MAX_LOAD = 0.75;
    private static final int MIN_CAPACITY = 16;

    private final StampedLock lock = new StampedLock();
    private long[] keys;
    private int[] answers;
    private int size;
    @SuppressWarnings("unchecked")
    private Optional<Block>[] blocks = new Optional[4];
    private int blockCount;
    /** Writer only: the index of each distinct block. */
    private final Map<Block, Integer> blockIndex = new HashMap<>();

    ObjectTable(long expected) {
        int capacity = capacityFor(expected);
        keys = new long[capacity];
        answers = new int[capacity];
    }

    private static int capacityFor(long objects) {
        long needed = Math.max(MIN_CAPACITY, (long) Math.ceil(objects / MAX_LOAD) + 1);
        if (needed > 1 << 30) {
            throw new IllegalArgumentException("too many objects for one table: " + objects);
        }
        return Integer.highestOneBit((int) needed - 1) << 1;
    }

    /** The answer for {@code key}; empty when not blocked. */
    Optional<Block> find(long key) {
        long stamp = lock.tryOptimisticRead();
        Optional<Block> found = probe(key);
        if (lock.validate(stamp)) {
            return found;
        }
        stamp = lock.readLock();
        try {
            return probe(key);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Runs {@code reads} with no write in between (a bulk check sees one state). */
    <T> T consistent(java.util.function.Supplier<T> reads) {
        long stamp = lock.readLock();
        try {
            return reads.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Under an optimistic read the fields may be mid-write: every index is bounded by the arrays
     * actually read, and a half-written answer is discarded by the caller's validation.
     */
    private Optional<Block> probe(long key) {
        long[] k = keys;
        int[] a = answers;
        Optional<Block>[] b = blocks;
        int mask = Math.min(k.length, a.length) - 1;
        for (int i = slot(key) & mask, probes = 0; probes <= mask; i = (i + 1) & mask, probes++) {
            long at = k[i];
            if (at == key) {
                int answer = a[i];
                Optional<Block> block = answer >= 0 && answer < b.length ? b[answer] : null;
                return block == null ? Optional.empty() : block;
            }
            if (at == 0) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Writer only (the arrays cannot change meanwhile). */
    private boolean contains(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key) & mask; keys[i] != 0; i = (i + 1) & mask) {
            if (keys[i] == key) {
                return true;
            }
        }
        return false;
    }

    private static int slot(long key) {
        return (int) (key ^ (key >>> 32));
    }

    /** Sets the answer of every key to {@code block} (state-setting: applying it twice is harmless). */
    synchronized void put(long[] keysToSet, int count, Block block) {
        int answer = blockIndexOf(block);
        // Only new keys count: an event moving existing answers earlier must not grow the table.
        int absent = 0;
        for (int i = 0; i < count; i++) {
            if (!contains(keysToSet[i])) {
                absent++;
            }
        }
        growFor((long) size + absent);
        long stamp = lock.writeLock();
        try {
            for (int i = 0; i < count; i++) {
                insert(keysToSet[i], answer);
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    private long lastAtNs;
    private String lastEventId;
    private int lastAnswer = -1;

    /**
     * One row of the scan that builds the table (not yet visible to readers). Rows of one event
     * tend to come together, so the last block is remembered instead of looked up.
     */
    synchronized void putScanned(long key, long blockedAtNs, String eventId) {
        if (lastAnswer < 0 || blockedAtNs != lastAtNs || !eventId.equals(lastEventId)) {
            lastAnswer = blockIndexOf(new Block(Nanos.toInstant(blockedAtNs), new EventId(eventId)));
            lastAtNs = blockedAtNs;
            lastEventId = eventId;
        }
        growFor(size + 1L);
        insert(key, lastAnswer);
    }

    synchronized int size() {
        return size;
    }

    /** Bytes held by the arrays (for the logs and the benchmarks). */
    synchronized long bytes() {
        return (long) keys.length * (Long.BYTES + Integer.BYTES);
    }

    private int blockIndexOf(Block block) {
        Integer known = blockIndex.get(block);
        if (known != null) {
            return known;
        }
        if (blockCount == blocks.length) {
            // Copied, then published: a reader sees the old array (still valid) or the new one.
            Optional<Block>[] grown = Arrays.copyOf(blocks, blocks.length * 2);
            long stamp = lock.writeLock();
            blocks = grown;
            lock.unlockWrite(stamp);
        }
        int index = blockCount++;
        long stamp = lock.writeLock();
        blocks[index] = Optional.of(block);
        lock.unlockWrite(stamp);
        blockIndex.put(block, index);
        return index;
    }

    /** Rehashes into bigger arrays outside the lock (readers go on with the old ones), then swaps. */
    private void growFor(long objects) {
        if (objects <= keys.length * MAX_LOAD) {
            return;
        }
        int capacity = capacityFor(objects);
        long[] newKeys = new long[capacity];
        int[] newAnswers = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < keys.length; i++) {
            long key = keys[i];
            if (key != 0) {
                int j = slot(key) & mask;
                while (newKeys[j] != 0) {
                    j = (j + 1) & mask;
                }
                newKeys[j] = key;
                newAnswers[j] = answers[i];
            }
        }
        long stamp = lock.writeLock();
        keys = newKeys;
        answers = newAnswers;
        lock.unlockWrite(stamp);
    }

    private void insert(long key, int answer) {
        int mask = keys.length - 1;
        int i = slot(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            size++;
        }
        // The answer before the key: a reader that finds the key reads a valid answer.
        answers[i] = answer;
        keys[i] = key;
    }
}
