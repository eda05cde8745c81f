package dev.accessgate.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.HandlerSpec;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredDelivery;
import dev.accessgate.application.model.Subscription;
import dev.accessgate.application.port.in.IngestPolicyEventCommand;
import dev.accessgate.application.port.in.IngestResult;
import dev.accessgate.application.port.in.ListDeliveriesUseCase;
import dev.accessgate.application.port.in.ReplayDeliveryUseCase;
import dev.accessgate.application.port.out.DeliveryFilter;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.port.out.DeliveryStore;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.application.testkit.InMemoryDeliveryStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.application.testkit.MutableClock;
import dev.accessgate.application.testkit.TestEvents;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.DeliveryState;
import dev.accessgate.domain.delivery.EventTypePattern;
import dev.accessgate.domain.delivery.FailureKind;
import dev.accessgate.domain.delivery.RetryContext;
import dev.accessgate.domain.delivery.RetryReason;
import dev.accessgate.domain.policy.EventId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker, the router, ingest and replay together, on the in-memory stores and a clock the test moves. */
class DeliveryWorkerTest {

    private static final Instant T0 = TestEvents.RECEIVED_AT;
    private static final String TYPE = "avi:jira:created:issue";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryDeliveryStore deliveries = new InMemoryDeliveryStore();
    private final InMemoryPolicyStore events = new InMemoryPolicyStore(deliveries);
    private final ExecutorService handlerThreads = Executors.newCachedThreadPool();
    private final Map<String, EventHandler> handlers = new HashMap<>();
    private final Map<String, DeliveryFilter> filters = new HashMap<>();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final List<String> observed = Collections.synchronizedList(new ArrayList<>());
    private DeliveryWorker worker;
    private PolicyIngestService ingest;
    private DeliveryAdminService admin;

    /** Each call: what the handler saw; it answers with {@code answer}. */
    private record Call(Instant at, Optional<RetryContext> context, String json) {
    }

    private List<Call> subscribe(String name, Duration timeout, Function<EventHandler.Event, EventHandler.Result> answer) {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        handlers.put(name, event -> {
            calls.add(new Call(clock.instant(), event.retryContext(), event.json()));
            return answer.apply(event);
        });
        return calls;
    }

    private void wire(String... subscriptionNames) {
        List<SubscriptionRouter.Route> routes = new ArrayList<>();
        Map<String, DeliveryWorker.Route> channels = new HashMap<>();
        for (String name : subscriptionNames) {
            Duration timeout = Duration.ofMillis(500);
            routes.add(new SubscriptionRouter.Route(new Subscription(name, List.of(EventTypePattern.of("avi:jira:*")),
                    Optional.empty(), new HandlerSpec.Bean(name, timeout)),
                    filters.getOrDefault(name, DeliveryFilter.DELIVER_ALL)));
            channels.put(name, new DeliveryWorker.Route(
                    new InProcessDeliveryChannel(handlers.get(name), timeout, handlerThreads), timeout));
        }
        DeliveryObserver observer = new DeliveryObserver() {
            @Override
            public void filtered(ReceivedEvent event, String subscription, String reason) {
                observed.add("filtered " + subscription + ": " + reason);
            }

            @Override
            public void recovered(StoredDelivery before, dev.accessgate.domain.delivery.Delivery after) {
                observed.add("recovered " + before.subscription());
            }
        };
        worker = new DeliveryWorker(deliveries, channels, clock, observer,
                new DeliveryWorker.Settings(2, Duration.ofSeconds(10), Duration.ofSeconds(30)));
        ingest = new PolicyIngestService(events, new SubscriptionRouter(routes, observer), wakeUps::incrementAndGet);
        admin = new DeliveryAdminService(deliveries, clock, DeliveryObserver.NONE, worker::wake);
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        handlerThreads.shutdownNow();
    }

    private IngestResult receive(String id) {
        ReceivedEvent event = TestEvents.unknown(id, TYPE);
        event = new ReceivedEvent(event.id(), event.type(), event.source(), event.time(), clock.instant(),
                event.contentMode(), event.body(), event.fingerprint());
        return ingest.ingest(new IngestPolicyEventCommand(event, new Processing.Unprocessed("not a policy event")));
    }

    private StoredDelivery only(String eventId) {
        List<StoredDelivery> found = admin.ofEvent(new EventId(eventId));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** Moves the clock to just before the next wake-up (nothing runs), then to it (something runs). */
    private Instant stepToNextDue() {
        Instant next = worker.nextWakeUp().orElseThrow();
        clock.set(next.minusMillis(1));
        assertThat(worker.runDue()).as("nothing runs before %s", next).isZero();
        clock.set(next);
        assertThat(worker.runDue()).as("something runs at %s", next).isPositive();
        return next;
    }

    @Test
    void a_handler_that_always_asks_for_a_retry_is_called_five_times_then_dead_and_replay_gives_five_more() {
        List<Call> calls = subscribe("always-retry", Duration.ofSeconds(1), event ->
                EventHandler.Result.retry(1200, "FUNCTION_UPSTREAM_RATE_LIMITED", "{\"n\":" + event.retryContext()
                        .map(RetryContext::retryCount).orElse(0) + "}"));
        wire("always-retry");

        assertThat(receive("e1")).isInstanceOf(IngestResult.Accepted.class);
        assertThat(wakeUps.get()).isEqualTo(1);
        assertThat(worker.runDue()).isEqualTo(1);
        for (int retry = 1; retry <= 4; retry++) {
            Instant due = stepToNextDue();
            assertThat(due).isEqualTo(calls.get(retry - 1).at().plusSeconds(900)); // 1200 clamped to 900
        }
        assertThat(worker.nextWakeUp()).isEmpty();

        assertThat(calls).hasSize(5);
        assertThat(calls.get(0).context()).isEmpty();
        for (int retry = 1; retry <= 4; retry++) {
            RetryContext context = calls.get(retry).context().orElseThrow();
            assertThat(context.retryCount()).isEqualTo(retry);
            assertThat(context.reason()).isEqualTo(RetryReason.FUNCTION_UPSTREAM_RATE_LIMITED);
            assertThat(context.retryData().orElseThrow().json()).isEqualTo("{\"n\":" + (retry - 1) + "}");
        }
        StoredDelivery dead = only("e1");
        assertThat(dead.delivery().state()).isEqualTo(DeliveryState.DEAD);
        assertThat(admin.list(new ListDeliveriesUseCase.Query(DeliveryState.withExternalName("dead"), 0, 10))
                .deliveries()).extracting(StoredDelivery::id).containsExactly(dead.id());

        clock.advance(Duration.ofHours(1));
        ReplayDeliveryUseCase.Result replayed = admin.replay(dead.id());

        assertThat(replayed).isInstanceOf(ReplayDeliveryUseCase.Result.Replayed.class);
        assertThat(only("e1").delivery().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(worker.runDue()).isEqualTo(1);
        for (int retry = 1; retry <= 4; retry++) {
            stepToNextDue();
        }
        assertThat(calls).hasSize(10);
        assertThat(calls.get(5).context()).isEmpty();
        assertThat(calls.subList(6, 10)).extracting(c -> c.context().orElseThrow().retryCount())
                .containsExactly(1, 2, 3, 4);
        StoredDelivery deadAgain = only("e1");
        assertThat(deadAgain.delivery().state()).isEqualTo(DeliveryState.DEAD);
        assertThat(deadAgain.delivery().budget()).isEqualTo(2);
        assertThat(deadAgain.delivery().history()).hasSize(10);
    }

    @Test
    void platform_failures_are_retried_after_1_10_100_and_900_seconds() {
        List<Call> calls = subscribe("throws", Duration.ofSeconds(1), event -> {
            throw new IllegalStateException("database down");
        });
        wire("throws");
        receive("e1");
        worker.runDue();

        List<Long> waits = new ArrayList<>();
        for (int retry = 1; retry <= 4; retry++) {
            Instant due = stepToNextDue();
            waits.add(Duration.between(calls.get(retry - 1).at(), due).toSeconds());
        }

        assertThat(waits).containsExactly(1L, 10L, 100L, 900L);
        assertThat(calls.get(1).context().orElseThrow().reason()).isEqualTo(RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR);
        assertThat(only("e1").delivery().deadReason().orElseThrow())
                .contains("no retries left after 5 attempts").contains("IllegalStateException: database down");
    }

    @Test
    void a_permanent_failure_is_dead_at_once_and_a_success_is_final() {
        subscribe("refuses", Duration.ofSeconds(1), event -> EventHandler.Result.permanentFailure("unknown tenant"));
        subscribe("works", Duration.ofSeconds(1), event -> EventHandler.Result.success());
        wire("refuses", "works");
        receive("e1");

        assertThat(worker.runDue()).isEqualTo(2);

        List<StoredDelivery> both = admin.ofEvent(new EventId("e1"));
        assertThat(both).extracting(s -> s.delivery().state()).containsExactly(DeliveryState.DEAD, DeliveryState.SUCCEEDED);
        assertThat(both.get(0).delivery().deadReason()).contains("permanent failure: unknown tenant");
        assertThat(worker.nextWakeUp()).isEmpty();
        assertThat(admin.replay(both.get(1).id())).isInstanceOf(ReplayDeliveryUseCase.Result.NotDead.class);
        assertThat(admin.replay(DeliveryId.random())).isInstanceOf(ReplayDeliveryUseCase.Result.NotFound.class);
    }

    @Test
    void a_handler_that_overruns_its_timeout_is_a_time_out() {
        CountDownLatch never = new CountDownLatch(1);
        subscribe("slow", Duration.ofMillis(500), event -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EventHandler.Result.success();
        });
        wire("slow");
        receive("e1");

        worker.runDue();

        AttemptResult result = only("e1").delivery().lastAttempt().orElseThrow().result();
        assertThat(result).isInstanceOfSatisfying(AttemptResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMED_OUT));
    }

    @Test
    void an_attempt_lost_in_a_crash_is_ended_after_its_lease_and_retried_not_earlier() {
        List<Call> calls = subscribe("crashy", Duration.ofSeconds(1), event -> EventHandler.Result.success());
        wire("crashy");
        receive("e1");
        // A worker claimed it and died before recording anything.
        deliveries.claimDue(clock.instant(), clock.instant().plus(worker.lease()), 10);
        Instant leaseEnd = T0.plus(worker.lease());

        clock.set(leaseEnd.minusMillis(1));
        assertThat(worker.runDue()).isZero();
        assertThat(only("e1").delivery().state()).isEqualTo(DeliveryState.IN_FLIGHT);

        clock.set(leaseEnd);
        assertThat(worker.runDue()).isZero();
        StoredDelivery recovered = only("e1");
        assertThat(recovered.delivery().state()).isEqualTo(DeliveryState.RETRY_SCHEDULED);
        assertThat(recovered.delivery().dueAt()).contains(leaseEnd.plusSeconds(1));
        assertThat(observed).contains("recovered crashy");

        stepToNextDue();
        assertThat(calls).singleElement().satisfies(call -> assertThat(call.context().orElseThrow())
                .isEqualTo(new RetryContext(1, RetryReason.FUNCTION_PLATFORM_UNKNOWN_ERROR, Optional.empty())));
        assertThat(only("e1").delivery().state()).isEqualTo(DeliveryState.SUCCEEDED);
    }

    @Test
    void a_filtered_event_is_recorded_and_never_handled_and_a_redelivery_creates_nothing() {
        List<Call> calls = subscribe("bugs-only", Duration.ofSeconds(1), event -> EventHandler.Result.success());
        filters.put("bugs-only", json -> DeliveryFilter.Verdict.drop("not a bug", true));
        wire("bugs-only");

        receive("e1");
        receive("e1");

        assertThat(wakeUps.get()).isZero();
        assertThat(worker.runDue()).isZero();
        assertThat(calls).isEmpty();
        StoredDelivery filtered = only("e1");
        assertThat(filtered.delivery().state()).isEqualTo(DeliveryState.FILTERED);
        assertThat(filtered.delivery().filterReason()).contains("not a bug");
        assertThat(observed).containsExactly("filtered bugs-only: not a bug");
    }

    @Test
    void events_of_other_types_get_no_delivery_and_a_removed_subscription_kills_its_deliveries() {
        subscribe("gone", Duration.ofSeconds(1), event -> EventHandler.Result.success());
        wire("gone");
        ingest.ingest(new IngestPolicyEventCommand(TestEvents.unknown("other", "avi:confluence:created:page"),
                new Processing.Unprocessed("x")));
        receive("e1");
        assertThat(admin.ofEvent(new EventId("other"))).isEmpty();

        handlers.clear();
        worker = new DeliveryWorker(deliveries, Map.of(), clock, DeliveryObserver.NONE, DeliveryWorker.Settings.defaults());
        worker.runDue();

        assertThat(only("e1").delivery().deadReason().orElseThrow()).contains("'gone' is not configured any more");
    }

    @Test
    void the_running_worker_is_woken_by_ingest_and_runs_attempts_in_parallel() throws Exception {
        // Real time here: the worker sleeps on its own; only the wake-up can bring it back this soon.
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Call> calls = subscribe("parallel", Duration.ofSeconds(20), event -> {
            bothRunning.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EventHandler.Result.success();
        });
        handlers.put("parallel", handlers.get("parallel"));
        wire("parallel");
        DeliveryWorker realTime = realTimeWorker(deliveries, "parallel", 2,
                new HandlerSpec.Url(URI.create("http://127.0.0.1:1/"), Duration.ofSeconds(20)));
        try {
            receive("e1");
            receive("e2");

            assertThat(bothRunning.await(10, TimeUnit.SECONDS)).as("both handlers started").isTrue();
            release.countDown();
            awaitSucceeded(2);
            assertThat(calls).hasSize(2);
        } finally {
            release.countDown();
            realTime.close();
        }
    }

    @Test
    void a_slot_is_given_back_when_the_handler_answers_not_when_its_result_is_recorded() throws Exception {
        // One slot, and a store whose first result takes until the test lets it commit.
        CountDownLatch firstRecording = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        DeliveryStore slowFirstResult = holdingFirstUpdate(firstRecording::countDown, commit, () -> { });
        CountDownLatch twoCalls = new CountDownLatch(2);
        List<Call> calls = subscribe("one-slot", Duration.ofSeconds(20), event -> {
            twoCalls.countDown();
            return EventHandler.Result.success();
        });
        DeliveryWorker realTime = realTimeWorker(slowFirstResult, "one-slot", 1,
                new HandlerSpec.Bean("one-slot", Duration.ofSeconds(20)));
        try {
            receive("e1");
            receive("e2");

            assertThat(firstRecording.await(10, TimeUnit.SECONDS)).as("the first result is being recorded").isTrue();
            assertThat(twoCalls.await(10, TimeUnit.SECONDS)).as("the second handler ran meanwhile").isTrue();
            commit.countDown();
            awaitSucceeded(2);
            assertThat(calls).hasSize(2);
        } finally {
            commit.countDown();
            realTime.close();
        }
    }

    @Test
    void a_retry_recorded_after_the_slot_was_given_back_runs_when_due_not_when_the_dispatcher_next_looks()
            throws Exception {
        // The first result commits only after the dispatcher looked at the store while it was being
        // recorded (and saw the delivery still running, its lease 30 s away): the recording itself
        // must wake it again.
        CountDownLatch firstRecording = new CountDownLatch(1);
        CountDownLatch dispatcherLooked = new CountDownLatch(1);
        AtomicReference<DeliveryWorker> running = new AtomicReference<>();
        DeliveryStore store = holdingFirstUpdate(() -> {
            firstRecording.countDown();
            running.get().wake();
        }, dispatcherLooked, () -> {
            if (firstRecording.getCount() == 0) {
                dispatcherLooked.countDown();
            }
        });
        CountDownLatch retried = new CountDownLatch(2);
        subscribe("retry-once", Duration.ofSeconds(20), event -> {
            retried.countDown();
            return event.retryContext().isEmpty() ? EventHandler.Result.retry(1, null, null)
                    : EventHandler.Result.success();
        });
        DeliveryWorker realTime = realTimeWorker(store, "retry-once", 1,
                new HandlerSpec.Bean("retry-once", Duration.ofSeconds(20)));
        running.set(realTime);
        try {
            receive("e1");

            assertThat(retried.await(10, TimeUnit.SECONDS)).as("the retry ran once due").isTrue();
            awaitSucceeded(1);
        } finally {
            dispatcherLooked.countDown();
            realTime.close();
        }
    }

    /**
     * {@link #deliveries}, but its first {@code update} runs {@code onFirstUpdate} and then waits
     * (at most 20 s) for {@code commit}; {@code onNextWakeUp} runs on every {@code nextWakeUp}.
     */
    private DeliveryStore holdingFirstUpdate(Runnable onFirstUpdate, CountDownLatch commit, Runnable onNextWakeUp) {
        AtomicInteger updates = new AtomicInteger();
        return (DeliveryStore) Proxy.newProxyInstance(DeliveryStore.class.getClassLoader(),
                new Class<?>[] {DeliveryStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("update") && updates.incrementAndGet() == 1) {
                        onFirstUpdate.run();
                        commit.await(20, TimeUnit.SECONDS);
                    }
                    if (method.getName().equals("nextWakeUp")) {
                        onNextWakeUp.run();
                    }
                    try {
                        return method.invoke(deliveries, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A started worker on the real clock for one subscription {@code name} of every event type; ingest wakes it. */
    private DeliveryWorker realTimeWorker(DeliveryStore store, String name, int concurrency, HandlerSpec handler) {
        DeliveryWorker realTime = new DeliveryWorker(store, Map.of(name, new DeliveryWorker.Route(
                new InProcessDeliveryChannel(handlers.get(name), Duration.ofSeconds(20), handlerThreads),
                Duration.ofSeconds(20))), java.time.Clock.systemUTC(), DeliveryObserver.NONE,
                new DeliveryWorker.Settings(concurrency, Duration.ofSeconds(10), Duration.ofHours(1)));
        ingest = new PolicyIngestService(events, new SubscriptionRouter(List.of(new SubscriptionRouter.Route(
                new Subscription(name, List.of(EventTypePattern.of("*")), Optional.empty(), handler),
                DeliveryFilter.DELIVER_ALL)), DeliveryObserver.NONE), realTime::wake);
        clock.set(Instant.now());
        realTime.start();
        return realTime;
    }

    /** Waits (at most 10 s) until {@code count} deliveries succeeded, then checks that they did. */
    private void awaitSucceeded(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (deliveries.list(Set.of(DeliveryState.SUCCEEDED), 0, 10).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(deliveries.list(Set.of(DeliveryState.SUCCEEDED), 0, 10)).hasSize(count);
    }
}
