package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A unit of work over the in-memory stores: one at a time, and, for the stores it was given,
 * all or nothing: when the work throws, each store is put back as it was before. Stores not
 * given are not undone.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    /** A store that can be put back: {@link #checkpoint()} returns what undoes every later write. */
    public interface Participant {

        /** Remembers the store as it is now; running the result puts it back so. */
        Runnable checkpoint();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants;

    /** A unit of work that undoes the writes of {@code participants} when the work throws. */
    public InMemoryUnitOfWork(Participant... participants) {
        this.participants = List.of(participants);
    }

    @Override
    public <T> T atomically(Supplier<T> work) {
        lock.lock();
        try {
            List<Runnable> undo = new ArrayList<>();
            participants.forEach(p -> undo.add(0, p.checkpoint()));
            try {
                return work.get();
            } catch (RuntimeException | Error e) {
                undo.forEach(Runnable::run);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
