package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.UnitOfWork;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A unit of work over the in-memory stores: one at a time. It cannot undo: the in-memory
 * stores do not fail half-way, and the services validate before they write.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    private final ReentrantLock lock = new ReentrantLock();

    @Override
    public <T> T atomically(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
