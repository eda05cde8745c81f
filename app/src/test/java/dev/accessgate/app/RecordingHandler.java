package dev.accessgate.app;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A subscription's HTTP handler in the test's JVM (so that it outlives a killed accessgate):
 * records every call by delivery id, idempotent as the docs ask a handler to be, and answers
 * 200 after the delay configured for its path.
 */
final class RecordingHandler implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> callsByDelivery = new ConcurrentHashMap<>();
    private final Map<String, String> eventOfDelivery = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> startedByPath = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();

    private RecordingHandler(Map<String, Duration> delays) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        delays.forEach((path, delay) -> server.createContext(path, exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                startedByPath.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
                String delivery = exchange.getRequestHeaders().getFirst("X-AccessGate-Delivery-Id");
                String event = exchange.getRequestHeaders().getFirst("X-AccessGate-Event-Id");
                Thread.sleep(delay.toMillis());
                callsByDelivery.computeIfAbsent(delivery, k -> new AtomicInteger()).incrementAndGet();
                String before = eventOfDelivery.putIfAbsent(delivery, event);
                if (before != null && !before.equals(event)) {
                    problems.add("delivery " + delivery + " carried events " + before + " and " + event);
                }
                byte[] ok = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        server.setExecutor(threads);
        server.start();
    }

    /** Answers on each path after its delay. */
    static RecordingHandler start(Map<String, Duration> delays) {
        return new RecordingHandler(delays);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Calls answered, by delivery id. */
    Map<String, AtomicInteger> callsByDelivery() {
        return callsByDelivery;
    }

    String eventOf(String delivery) {
        return eventOfDelivery.get(delivery);
    }

    /** Calls begun on {@code path} (answered or not). */
    int started(String path) {
        AtomicInteger n = startedByPath.get(path);
        return n == null ? 0 : n.get();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
