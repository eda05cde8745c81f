package dev.accessgate.application.service;

import dev.accessgate.application.model.ClaimedDelivery;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.ObservationScope;
import dev.accessgate.application.port.out.StoreException;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.delivery.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs due deliveries against their subscriptions' channels, at most {@code concurrency} handler
 * calls at a time. One dispatcher thread claims due deliveries from the store (which marks them
 * IN_FLIGHT with a lease, durably), hands them to a pool, and otherwise sleeps until the next due
 * time or until it is woken (new deliveries, a replay, a finished handler call). Every outcome
 * goes through the domain's {@link Delivery} state machine, so retries are never early and never
 * more than four.
 *
 * <p>A call's slot is given back as soon as its handler answered, while its result is being
 * recorded: recording waits for a commit (shared with other writes on SQLite), and holding the
 * slot through it would leave the handlers idle for that long on every attempt. The pool has a
 * thread for each slot and one for each result being recorded.
 *
 * <p>Crash safety: a claimed delivery is IN_FLIGHT in the store until its result is recorded.
 * If the process dies, the delivery's lease runs out and the next worker (this one after a
 * restart) ends that attempt as {@code FUNCTION_PLATFORM_UNKNOWN_ERROR} and schedules the
 * retry by the usual rules. The lease is the longest handler timeout plus a margin, so a
 * running attempt is never taken for a lost one.
 */
public final class DeliveryWorker implements AutoCloseable {

    /** Detail of an attempt ended by recovery. */
    static final String LOST_ATTEMPT = "the attempt was lost: accessgate stopped (or lost the attempt) before it finished";

    /** A subscription's channel. */
    public record Route(DeliveryChannel channel, Duration timeout) {
        public Route {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * @param concurrency handler calls running at once (a call's result is recorded after its slot is given back)
     * @param leaseMargin added to the longest handler timeout to make the lease
     * @param maxSleep    longest sleep without looking at the store (a safety net; wake-ups do the work)
     */
    public record Settings(int concurrency, Duration leaseMargin, Duration maxSleep) {
        public Settings {
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("concurrency must be between 1 and 256, was " + concurrency);
            }
            if (leaseMargin.isNegative() || leaseMargin.isZero()) {
                throw new IllegalArgumentException("leaseMargin must be positive");
            }
            if (maxSleep.isNegative() || maxSleep.isZero()) {
                throw new IllegalArgumentException("maxSleep must be positive");
            }
        }

        /** Four workers, 30 seconds of lease margin, at most 30 seconds between looks at the store. */
        public static Settings defaults() {
            return new Settings(4, Duration.ofSeconds(30), Duration.ofSeconds(30));
        }
    }

    private static final int RECOVER_BATCH = 100;
    private static final Duration STORE_BACKOFF = Duration.ofSeconds(1);

    private final DeliveryStore store;
    private final Map<String, Route> routes;
    private final Clock clock;
    private final DeliveryObserver observer;
    private final Settings settings;
    private final Duration lease;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean signalled;
    private final AtomicInteger running = new AtomicInteger();
    private volatile boolean stopping;
    private Thread dispatcher;
    private ExecutorService pool;

    /** A worker over {@code store}, with a route per subscription name; {@link #start()} starts it. */
    public DeliveryWorker(DeliveryStore store, Map<String, Route> routes, Clock clock, DeliveryObserver observer,
                          Settings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.routes = Map.copyOf(routes);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.settings = Objects.requireNonNull(settings, "settings");
        Duration longest = this.routes.values().stream().map(Route::timeout).max(Duration::compareTo)
                .orElse(Duration.ZERO);
        this.lease = longest.plus(settings.leaseMargin());
    }

    /** How long a claimed delivery stays leased: the longest handler timeout plus the margin. */
    public Duration lease() {
        return lease;
    }

    /** Starts the dispatcher thread and the pool. Recovery of lost attempts is its first step. */
    public synchronized void start() {
        if (dispatcher != null) {
            throw new IllegalStateException("already started");
        }
        AtomicInteger threads = new AtomicInteger();
        // A thread per slot, and as many again for results being recorded after their slot was given back.
        pool = Executors.newFixedThreadPool(2 * settings.concurrency(), r -> {
            Thread t = new Thread(r, "accessgate-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        dispatcher = new Thread(this::dispatch, "accessgate-delivery-dispatcher");
        dispatcher.setDaemon(true);
        dispatcher.start();
    }

    /** Something changed (new deliveries, a replay): look at the store now instead of at the next due time. */
    public void wake() {
        lock.lock();
        try {
            signalled = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops claiming, waits up to {@code grace} for running attempts, then interrupts them (an
     * interrupted attempt is recorded as an unknown error and retried by the usual rules).
     */
    public void stop(Duration grace) {
        Thread thread;
        ExecutorService workers;
        synchronized (this) {
            thread = dispatcher;
            workers = pool;
        }
        stopping = true;
        wake();
        if (thread == null) {
            return;
        }
        try {
            thread.join(grace.toMillis() + 1);
            workers.shutdown();
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }

    /**
     * Without threads: ends lost attempts, then runs every delivery due now on the calling
     * thread, until none is due. For tests with a controlled clock and for embedding code that
     * schedules its own work. Returns the number of attempts run.
     */
    public int runDue() {
        int attempts = 0;
        while (true) {
            Instant now = clock.instant();
            recover(now);
            List<ClaimedDelivery> claimed = store.claimDue(now, now.plus(lease), settings.concurrency());
            if (claimed.isEmpty()) {
                return attempts;
            }
            for (ClaimedDelivery delivery : claimed) {
                attempt(delivery, () -> { });
                attempts++;
            }
        }
    }

    /** When the dispatcher next has something to do without being woken. */
    public Optional<Instant> nextWakeUp() {
        return store.nextWakeUp();
    }

    private void dispatch() {
        while (!stopping) {
            try {
                clearSignal();
                Instant now = clock.instant();
                recover(now);
                int free = settings.concurrency() - running.get();
                int claimedCount = 0;
                if (free > 0) {
                    List<ClaimedDelivery> claimed = store.claimDue(now, now.plus(lease), free);
                    claimedCount = claimed.size();
                    for (ClaimedDelivery delivery : claimed) {
                        submit(delivery);
                    }
                }
                Duration sleep = settings.maxSleep();
                if (free - claimedCount > 0) {
                    Optional<Instant> next = store.nextWakeUp();
                    if (next.isPresent()) {
                        Duration untilNext = Duration.between(clock.instant(), next.get());
                        sleep = untilNext.compareTo(sleep) < 0 ? untilNext : sleep;
                    }
                } // else: the pool is full; a finished attempt wakes us.
                sleep(sleep);
            } catch (StoreException e) {
                observer.workerFailed("claiming due deliveries", e);
                sleep(STORE_BACKOFF);
            } catch (RuntimeException e) {
                observer.workerFailed("dispatching deliveries", e);
                sleep(STORE_BACKOFF);
            }
        }
    }

    private void submit(ClaimedDelivery delivery) {
        running.incrementAndGet();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                running.decrementAndGet();
                wake();
            }
        };
        try {
            pool.execute(() -> {
                try {
                    attempt(delivery, release);
                } catch (RuntimeException e) {
                    observer.workerFailed("recording an attempt of delivery " + delivery.stored().id(), e);
                } finally {
                    release.run();
                    // Again once the result is recorded: the dispatcher may have looked while the
                    // delivery was still IN_FLIGHT and be asleep until its lease ends.
                    wake();
                }
            });
        } catch (RuntimeException rejected) {
            // Stopping: the delivery stays IN_FLIGHT and is recovered after its lease.
            running.decrementAndGet();
        }
    }

    private void clearSignal() {
        lock.lock();
        try {
            signalled = false;
        } finally {
            lock.unlock();
        }
    }

    private void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (!signalled && !stopping && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            stopping = true;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the attempts whose lease ran out as unknown errors; they are retried by the usual rules. */
    private void recover(Instant now) {
        for (StoredDelivery lost : store.expiredLeases(now, RECOVER_BATCH)) {
            Delivery delivery = lost.delivery();
            Delivery after = delivery.complete(new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, LOST_ATTEMPT),
                    notBefore(now, delivery.startedAt().orElseThrow()));
            if (store.update(lost, after)) {
                observer.recovered(lost, after);
            }
        }
    }

    /**
     * One attempt: call the channel, run {@code handlerDone} (gives the slot back), record the
     * result through the domain.
     */
    private void attempt(ClaimedDelivery claimed, Runnable handlerDone) {
        try (ObservationScope scope = observer.attempting(claimed)) {
            attemptObserved(claimed, handlerDone);
        }
    }

    private void attemptObserved(ClaimedDelivery claimed, Runnable handlerDone) {
        StoredDelivery stored = claimed.stored();
        Delivery delivery = stored.delivery();
        Route route = routes.get(stored.subscription());
        AttemptResult result;
        if (route == null) {
            result = new AttemptResult.PermanentFailure("subscription '" + stored.subscription()
                    + "' is not configured any more; replay the delivery once it is");
        } else {
            try {
                result = route.channel().deliver(new DeliveryChannel.Invocation(stored.id(), stored.eventId(),
                        stored.eventType(), stored.subscription(), claimed.eventBody(), delivery.retryContext()));
            } catch (RuntimeException e) {
                result = new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            }
        }
        Delivery after = delivery.complete(result, notBefore(clock.instant(), delivery.startedAt().orElseThrow()));
        handlerDone.run();
        boolean recorded = store.update(stored, after);
        observer.attemptFinished(stored, result, after, recorded);
    }

    /** The clock may step back; an attempt never ends before it started. */
    private static Instant notBefore(Instant now, Instant earliest) {
        return now.isBefore(earliest) ? earliest : now;
    }
}
