package dev.accessgate.domain.policy;

import dev.accessgate.domain.DomainException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Why something is blocked: the time and id of the event that blocked it, or of the
 * baseline that listed it (a baseline's id is then the {@code eventId}; see
 * {@link BaselineHeader#block()}).
 *
 * <p>When several events or baselines block the same thing, the earliest one is kept (ties
 * broken by id). That choice makes applying events commutative: any arrival order gives
 * the same block, and {@code blockedAt} reads as "blocked since". The natural order of
 * blocks is that precedence: earliest first.
 */
public record Block(Instant at, EventId eventId) implements Comparable<Block> {

    /** Earliest event time accepted; with {@link #LATEST}, keeps times storable as 64-bit epoch nanoseconds. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** Latest event time accepted. */
    public static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private static final Comparator<Block> PRECEDENCE =
            Comparator.comparing(Block::at).thenComparing(Block::eventId);

    public Block {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(eventId, "eventId");
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw DomainException.invalid("time", "time must be between " + EARLIEST + " and " + LATEST);
        }
    }

    /** True when this block wins over {@code other}: earlier, or as early with a smaller event id. */
    public boolean precedes(Block other) {
        return PRECEDENCE.compare(this, other) < 0;
    }

    /** The block that wins of the two (see {@link #precedes}). */
    public static Block earliest(Block a, Block b) {
        return b.precedes(a) ? b : a;
    }

    /** Earlier first; at the same instant, the smaller id first. */
    @Override
    public int compareTo(Block other) {
        return PRECEDENCE.compare(this, other);
    }
}
