package dev.accessgate.application.port.out;

import java.util.function.Supplier;

/**
 * One transaction across storage ports: every store call that {@code work} makes commits
 * together with the others, or, when {@code work} throws, none does. Calls from other threads
 * wait until it is done. A store call outside any unit of work is its own transaction.
 */
public interface UnitOfWork {

    /** @throws StoreException when the store cannot commit (nothing was stored then) */
    <T> T atomically(Supplier<T> work);
}
