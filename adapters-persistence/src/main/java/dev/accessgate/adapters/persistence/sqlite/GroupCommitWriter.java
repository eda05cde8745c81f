package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.port.out.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Group commit: one thread takes every write queued while the previous commit was running and
 * runs them in one transaction, each inside its own savepoint, then commits once and only then
 * completes the callers. A commit per batch instead of per write is what lets small events
 * pass 10,000/s (one fsync each otherwise); durability is unchanged because nobody is answered
 * before the commit returned.
 *
 * <p>A write that throws is rolled back to its savepoint and fails alone (its after-commit hooks
 * are dropped); the others commit. The hooks of the batch run after its commit, before any
 * caller is completed, so what a caller is told is already visible to them.
 * If the commit itself fails, every write of the batch fails (none was acknowledged). There is
 * no waiting for a batch to fill: at low load each write is its own batch, so latency does not
 * grow; under load the batch is whatever arrived during the previous commit.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Runs a batch in one transaction on a connection it holds for the duration. */
    interface Transactions {
        void inTransaction(SqliteDatabase.Work<Void> batch);

        /** A mark of the after-commit hooks registered so far in the transaction (see {@link #dropHooksFrom}). */
        default int hooksMark() {
            return 0;
        }

        /** Drops the after-commit hooks registered since {@code mark}: that write rolled back to its savepoint. */
        default void dropHooksFrom(int mark) {
        }
    }

    private record Pending<T>(SqliteDatabase.Work<T> work, CompletableFuture<T> done) {
    }

    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Transactions transactions;
    private final int maxBatch;
    private final Thread thread;
    private volatile boolean closing;

    GroupCommitWriter(Transactions transactions, int maxBatch, String name) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.transactions = transactions;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues {@code work}, waits until its batch committed (or it failed) and returns its result. */
    <T> T write(SqliteDatabase.Work<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        synchronized (this) {
            if (closing) {
                throw new StoreException(StoreException.Kind.UNAVAILABLE, "the database is closing", null);
            }
            queue.add(new Pending<>(work, done));
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            throw rethrown(e.getCause());
        }
    }

    private static RuntimeException rethrown(Throwable cause) {
        if (cause instanceof SQLException sql) {
            return SqliteFaults.translate(sql);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new StoreException(StoreException.Kind.FAILED, "write failed: " + cause, cause);
    }

    private void loop() {
        List<Pending<?>> batch = new ArrayList<>(maxBatch);
        while (true) {
            try {
                Pending<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                // Only close() interrupts, and it drains first; keep draining anyway.
                closing = true;
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Pending<?>> batch) {
        Object[] results = new Object[batch.size()];
        Throwable[] failures = new Throwable[batch.size()];
        try {
            transactions.inTransaction(c -> {
                for (int i = 0; i < batch.size(); i++) {
                    Savepoint savepoint = c.setSavepoint();
                    int hooks = transactions.hooksMark();
                    try {
                        results[i] = batch.get(i).work().run(c);
                        c.releaseSavepoint(savepoint);
                    } catch (SQLException | RuntimeException e) {
                        undo(c, savepoint, e);
                        transactions.dropHooksFrom(hooks);
                        failures[i] = e;
                    }
                }
                return null;
            });
        } catch (RuntimeException | Error e) {
            // The commit (or a rollback to a savepoint) failed: nothing of the batch is stored.
            batch.forEach(pending -> pending.done().completeExceptionally(e));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), results[i], failures[i]);
        }
    }

    /** Rolls back to the savepoint; if even that fails, the whole transaction must go. */
    private static void undo(Connection c, Savepoint savepoint, Exception cause) throws SQLException {
        try {
            c.rollback(savepoint);
            c.releaseSavepoint(savepoint);
        } catch (SQLException rollback) {
            rollback.addSuppressed(cause);
            throw rollback;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result, Throwable failure) {
        if (failure != null) {
            pending.done().completeExceptionally(failure);
        } else {
            pending.done().complete((T) result);
        }
    }

    /** Writes waiting for the writer thread (for tests). */
    int queued() {
        return queue.size();
    }

    boolean closing() {
        return closing;
    }

    /** Refuses new writes, commits every write already queued, then stops the thread. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
