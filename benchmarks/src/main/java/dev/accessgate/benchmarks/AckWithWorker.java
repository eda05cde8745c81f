package dev.accessgate.benchmarks;

import dev.accessgate.adapters.persistence.sqlite.SqliteDatabase;
import dev.accessgate.adapters.persistence.sqlite.SqliteDeliveryStore;
import dev.accessgate.adapters.persistence.sqlite.SqlitePolicyStore;
import dev.accessgate.adapters.persistence.sqlite.SqliteSettings;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.DeliveryObserver;
import dev.accessgate.application.service.DeliveryWorker;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.Delivery;
import dev.accessgate.domain.policy.EventId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Acknowledgement latency of the store alone while the delivery worker runs: events with one
 * delivery each are recorded through {@code SqlitePolicyStore.record} (group commit,
 * {@code synchronous=FULL}) at a fixed rate, open loop (latency from each event's due time, 64
 * threads), while a {@link DeliveryWorker} claims and finishes every delivery with a no-op
 * in-process handler. No HTTP, no JSON: what the database side of {@code ack-handlers.sh} costs,
 * without the CPU of the HTTP stack.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.accessgate.benchmarks.AckWithWorker \
 *     RATE SECONDS CONCURRENCY [noworker]</pre>
 *
 * <p>Five seconds of warm-up at the same rate are not counted.
 */
public final class AckWithWorker {

    private static final int WARMUP_SECONDS = 5;

    private AckWithWorker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: AckWithWorker RATE SECONDS CONCURRENCY [noworker]");
            System.exit(2);
        }
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        boolean withWorker = args.length < 4 || !args[3].equals("noworker");
        Path dir = Files.createTempDirectory("accessgate-ack");
        SqliteDatabase db = SqliteDatabase.open(SqliteSettings.of(dir.resolve("ack.db")));
        SqlitePolicyStore events = new SqlitePolicyStore(db);
        AtomicLong handled = new AtomicLong();
        DeliveryChannel noop = invocation -> {
            handled.incrementAndGet();
            return new AttemptResult.Succeeded();
        };
        DeliveryWorker worker = new DeliveryWorker(new SqliteDeliveryStore(db),
                Map.of("every", new DeliveryWorker.Route(noop, Duration.ofSeconds(25))), Clock.systemUTC(),
                DeliveryObserver.NONE, new DeliveryWorker.Settings(concurrency, Duration.ofSeconds(30),
                Duration.ofSeconds(30)));
        if (withWorker) {
            worker.start();
        }
        ExecutorService requests = Executors.newFixedThreadPool(64);
        int total = rate * (seconds + WARMUP_SECONDS);
        long[] latency = new long[total];
        CountDownLatch answered = new CountDownLatch(total);
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (int i = 0; i < total; i++) {
            int n = i;
            long due = start + n * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            requests.execute(() -> {
                Instant now = Instant.now();
                String id = "ack-" + n;
                ReceivedEvent event = new ReceivedEvent(new EventId(id), "avi:jira:updated:issue", "ack-with-worker",
                        now, now, "structured", "{\"id\":\"" + id + "\",\"data\":{\"n\":" + n + "}}", "fingerprint-" + n);
                events.record(event, new Processing.Unprocessed("benchmark"),
                        List.of(new NewDelivery(DeliveryId.random(), "every", Delivery.pending(now))));
                latency[n] = System.nanoTime() - due;
                if (withWorker) {
                    worker.wake(); // as PolicyIngestService does after a commit that created deliveries
                }
                answered.countDown();
            });
        }
        answered.await();
        double wall = (System.nanoTime() - start) / 1e9;
        long[] measured = Arrays.copyOfRange(latency, rate * WARMUP_SECONDS, total);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%d events/s for %d s (+%d s warm-up), worker %s, concurrency %d: acknowledged"
                        + " p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f ms; handled %d of %d events (%.0f/s)%n",
                rate, seconds, WARMUP_SECONDS, withWorker ? "on" : "off", concurrency, ms(measured, 0.5),
                ms(measured, 0.9), ms(measured, 0.99), ms(measured, 0.999), measured[measured.length - 1] / 1e6,
                handled.get(), total, handled.get() / wall);
        requests.shutdown();
        worker.stop(Duration.ofSeconds(1));
        db.close();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * quantile))] / 1e6;
    }
}
