package dev.accessgate.app.cli.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends a scenario's requests with a fixed number of workers, either as fast as they go
 * (closed loop) or at a fixed rate (open loop). At a fixed rate, latency is measured from when
 * a request was due, not when it was sent, so a stalled server cannot hide its queue
 * (coordinated omission).
 */
public final class LoadRunner {

    /** What a run measured. Latencies are in microseconds. */
    public record Report(String scenario, String unit, long requests, long units, Map<Integer, Long> statuses,
                         long failures, Duration elapsed, Histogram latency) {

        public double requestsPerSecond() {
            return requests / seconds();
        }

        public double unitsPerSecond() {
            return units / seconds();
        }

        private double seconds() {
            return Math.max(elapsed.toNanos(), 1) / 1e9;
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(String.format("%s: %,d requests (%,d %s) in %.1f s%n", scenario, requests, units, unit,
                    seconds()));
            text.append(String.format("throughput: %,.0f requests/s, %,.0f %s/s%n", requestsPerSecond(),
                    unitsPerSecond(), unit));
            text.append(String.format("latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    ms(50), ms(90), ms(99), ms(99.9), latency.getMaxValue() / 1000.0));
            text.append("statuses: ").append(statuses).append(failures > 0 ? "  connection failures: " + failures : "");
            return text.toString();
        }

        private double ms(double percentile) {
            return latency.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Report run(LoadOptions options, PrintStream progress) {
        Scenarios.Scenario scenario = Scenarios.of(options);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        LongAdder units = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + options.duration().toNanos();
        long interval = options.rate() == 0 ? 0 : 1_000_000_000L / options.rate();

        Runnable worker = () -> {
            while (true) {
                long n = next.getAndIncrement();
                long due = start + n * interval;
                if (n >= options.requests() || due >= deadline || System.nanoTime() >= deadline) {
                    return;
                }
                Scenarios.Call call = scenario.call(n);
                long wait = due - System.nanoTime();
                if (interval > 0 && wait > 0) {
                    sleepNanos(wait);
                }
                long sent = interval > 0 ? due : System.nanoTime();
                try {
                    HttpResponse<Void> response = client.send(call.request(), HttpResponse.BodyHandlers.discarding());
                    statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    if (response.statusCode() / 100 == 2) {
                        units.add(call.units());
                    }
                } catch (IOException e) {
                    failures.increment();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                latency.recordValue(Math.max(0, (System.nanoTime() - sent) / 1000));
            }
        };

        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("load-progress"));
        ticker.scheduleAtFixedRate(() -> progress.printf("  %5.0f s  %,12d sent  %,12d %s ok  %,d failed%n",
                (System.nanoTime() - start) / 1e9, Math.min(next.get(), options.requests()), units.sum(),
                scenario.unit(), failures.sum()), 1, 1, TimeUnit.SECONDS);
        Thread[] workers = new Thread[options.concurrency()];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = daemon("load-" + i).newThread(worker);
            workers[i].start();
        }
        for (Thread thread : workers) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        ticker.shutdownNow();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((status, count) -> counted.put(status, count.sum()));
        long requests = counted.values().stream().mapToLong(Long::longValue).sum() + failures.sum();
        return new Report(options.scenario(), scenario.unit(), requests, units.sum(), counted, failures.sum(),
                elapsed, latency);
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
