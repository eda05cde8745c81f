package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.accessgate.adapters.persistence.postgres.TestPostgres;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three instances of accessgate (separate JVMs, as in production) over one PostgreSQL database.
 * Events go to all three, some of them to two at once; one instance is killed with SIGKILL
 * while deliveries run. Afterwards every event is stored once, every delivery succeeded, and
 * the recording handler never saw one delivery twice at the same time (at-least-once, so a
 * delivery whose attempt died with its instance may have been called again).
 */
class MultiInstanceTest {

    private static final int EVENTS = 60;
    private static final String TYPE = "avi:jira:created:issue";

    @TempDir
    Path dir;
    private final List<Process> instances = new ArrayList<>();
    private HttpServer handler;
    private final ExecutorService senders = Executors.newFixedThreadPool(6);
    private final JsonMapper mapper = JsonMapper.createDefault();

    /** Calls per delivery id, calls running now per delivery id, and deliveries seen running twice at once. */
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Set<String> overlapping = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stop() {
        instances.forEach(Process::destroyForcibly);
        senders.shutdownNow();
        if (handler != null) {
            handler.stop(0);
        }
    }

    @Test
    void three_instances_one_killed_mid_run_account_for_every_event_and_delivery() throws Exception {
        startHandler();
        Path config = dir.resolve("subscriptions.yml");
        Files.writeString(config, """
                accessgate:
                  subscriptions:
                    - name: recorder
                      events: ["avi:jira:*:issue"]
                      handler:
                        url: http://127.0.0.1:%d/deliver
                        timeout: 3s
                """.formatted(handler.getAddress().getPort()));
        String url = TestPostgres.server().url(TestPostgres.server().freshDatabaseName());
        List<Http> https = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int port = freePort();
            instances.add(start(config, url, port, i));
            https.add(new Http("http://127.0.0.1:" + port, mapper));
        }
        for (int i = 0; i < https.size(); i++) {
            Http http = https.get(i);
            assertThat(Http.eventually(180, () -> up(http))).as("instance %d started; its log:%n%s", i, log(i)).isTrue();
        }

        // Every event to one instance, every third one to a second instance at the same time.
        Map<String, List<Future<String>>> replies = new java.util.LinkedHashMap<>();
        for (int i = 0; i < EVENTS; i++) {
            String id = "multi-" + i;
            int first = i % 3;
            List<Future<String>> sends = new ArrayList<>(List.of(senders.submit(() -> send(https, id, first))));
            if (i % 3 == 0) {
                sends.add(senders.submit(() -> send(https, id, (first + 1) % 3)));
            }
            replies.put(id, sends);
            if (i == EVENTS / 2) {
                // Mid-run, with deliveries in flight (each takes the handler 300 ms): kill -9.
                Http.eventually(30, () -> !running.isEmpty());
                instances.get(0).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (Map.Entry<String, List<Future<String>>> sends : replies.entrySet()) {
            List<String> statuses = new ArrayList<>();
            for (Future<String> reply : sends.getValue()) {
                statuses.add(reply.get(120, TimeUnit.SECONDS));
            }
            assertThat(statuses).as("%s answered by some instance", sends.getKey()).doesNotContain("unanswered");
            // A send whose instance died after the commit was retried and found a duplicate.
            assertThat(statuses.stream().filter(s -> !s.equals("duplicate"))).as("%s stored at most once: %s",
                    sends.getKey(), statuses).hasSizeLessThanOrEqualTo(1);
        }

        Http survivor = https.get(1);
        assertThat(Http.eventually(120, () -> deliveries(survivor).stream()
                .filter(d -> "succeeded".equals(d.get("state"))).count() == EVENTS))
                .as("every delivery succeeded: %s", survivor.get("/v1/deliveries?limit=1000")).isTrue();

        List<Map<String, Object>> deliveries = deliveries(survivor);
        assertThat(deliveries).as("one delivery per event, none for a duplicate").hasSize(EVENTS);
        assertThat(deliveries.stream().map(d -> d.get("eventId")).collect(Collectors.toSet()))
                .isEqualTo(IntStream.range(0, EVENTS).mapToObj(i -> "multi-" + i).collect(Collectors.toSet()));
        for (int i = 0; i < EVENTS; i++) {
            assertThat(survivor.get("/v1/events/multi-" + i).status()).as("event %d stored", i).isEqualTo(200);
        }
        // Called at least once, and no more often than its recorded attempts: a retry (a timeout on
        // this busy machine, or an attempt lost with the killed instance) is an attempt of its own.
        assertThat(deliveries).allSatisfy(d -> assertThat(calls.get((String) d.get("id"))).as("called: %s", d)
                .isNotNull().satisfies(n -> assertThat(n.get()).isBetween(1, ((Number) d.get("attempts")).intValue())));
        assertThat(calls.keySet()).as("nothing called that is not a delivery")
                .isEqualTo(deliveries.stream().map(d -> d.get("id")).collect(Collectors.toSet()));
        assertThat(overlapping).as("deliveries run twice at the same time").isEmpty();
    }

    /** Sends one event, moving on to the next instance when one does not answer (as a load balancer would). */
    private static String send(List<Http> https, String id, int first) {
        for (int attempt = 0; attempt < https.size(); attempt++) {
            try {
                Http.Reply reply = https.get((first + attempt) % https.size()).event(id, TYPE);
                if (reply.status() == 200) {
                    return (String) reply.json().get("status");
                }
            } catch (UncheckedIOException down) {
                // killed: try the next one
            }
        }
        return "unanswered";
    }

    private void startHandler() throws IOException {
        handler = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        handler.setExecutor(Executors.newFixedThreadPool(32));
        handler.createContext("/deliver", exchange -> {
            String delivery = exchange.getRequestHeaders().getFirst("X-AccessGate-Delivery-Id");
            exchange.getRequestBody().readAllBytes();
            calls.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet();
            if (running.computeIfAbsent(delivery, d -> new AtomicInteger()).incrementAndGet() > 1) {
                overlapping.add(delivery);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.computeIfPresent(delivery, (d, n) -> n.decrementAndGet() == 0 ? null : n);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        handler.start();
    }

    private Process start(Path config, String databaseUrl, int port, int index) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.accessgate.app.AccessGate")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("accessgate-" + index + ".log").toFile());
        builder.environment().put("ACCESSGATE_CONFIG", config.toString());
        builder.environment().put("ACCESSGATE_DATABASE_URL", databaseUrl);
        builder.environment().put("ACCESSGATE_POSTGRES_POOL_SIZE", "4");
        builder.environment().put("ACCESSGATE_DB", dir.resolve("instance-" + index + "/accessgate.db").toString());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("ACCESSGATE_API_TOKEN", Http.API_TOKEN);
        builder.environment().put("ACCESSGATE_DELIVERY_LEASE_MARGIN", "1s");
        // Instances learn of deliveries created by the others by polling.
        builder.environment().put("ACCESSGATE_DELIVERY_MAX_SLEEP", "1s");
        return builder.start();
    }

    /** The deliveries, or none while the instance answers something else (a 503 while busy, say). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> deliveries(Http http) {
        Http.Reply reply = http.get("/v1/deliveries?limit=1000");
        return reply.status() == 200 ? (List<Map<String, Object>>) reply.json().get("deliveries") : List.of();
    }

    private String log(int index) {
        try {
            String log = Files.readString(dir.resolve("accessgate-" + index + ".log"));
            return log.substring(Math.max(0, log.length() - 4000));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static boolean up(Http http) {
        try {
            return http.get("/v1/deliveries").status() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
