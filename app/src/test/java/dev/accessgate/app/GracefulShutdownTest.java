package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to accessgate in a separate JVM: a request that is still arriving is answered, the
 * worker claims nothing new, an attempt that finishes within the grace period is recorded as
 * it ended, one that does not is interrupted and recorded as a failed attempt (retried later),
 * so no delivery stays IN_FLIGHT; then the process exits 0. A second SIGTERM cuts the wait short.
 */
class GracefulShutdownTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"%s","type":"avi:jira:created:issue","source":"ari:cloud:jira::site/abc",
             "time":"2024-05-01T10:00:00Z","data":{"issue":{"key":"K-1"}}}""";

    @TempDir
    Path dir;
    private RecordingHandler handler;
    private ServiceProcess service;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (handler != null) {
            handler.close();
        }
    }

    private ServiceProcess service(String gracePeriod) throws IOException {
        Path config = dir.resolve("subscriptions.yml");
        Files.writeString(config, """
                accessgate:
                  subscriptions:
                    - name: quick
                      events: ["avi:jira:*:issue"]
                      handler: {url: "%s", timeout: 20s}
                    - name: stuck
                      events: ["avi:jira:*:issue"]
                      handler: {url: "%s", timeout: 100s}
                """.formatted(handler.url("/quick"), handler.url("/stuck")));
        return new ServiceProcess(dir, Map.of("ACCESSGATE_CONFIG", config.toString(),
                "ACCESSGATE_DB", dir.resolve("accessgate.db").toString(),
                "ACCESSGATE_SHUTDOWN_GRACE_PERIOD", gracePeriod));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sigterm_finishes_running_requests_and_attempts_releases_the_rest_and_exits_0() throws Exception {
        handler = RecordingHandler.start(Map.of("/quick", Duration.ofSeconds(7), "/stuck", Duration.ofSeconds(300)));
        // Longer than the 5 s the worker had to stop before graceful shutdown: the grace period counts.
        service = service("12s");
        service.start();
        assertThat(service.awaitReady(120)).as("started").isTrue();
        Http http = new Http(service.baseUrl(), JsonMapper.createDefault());
        assertThat(http.post("/events", Http.CE, EVENT.formatted("before-sigterm")).status()).isEqualTo(200);
        assertThat(Http.eventually(30, () -> handler.started("/quick") == 1 && handler.started("/stuck") == 1))
                .as("both attempts running").isTrue();

        try (Socket slow = new Socket("127.0.0.1", Integer.parseInt(service.baseUrl().replaceAll(".*:", "")))) {
            byte[] body = EVENT.formatted("arriving-during-sigterm").getBytes(StandardCharsets.UTF_8);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/cloudevents+json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(300); // the request has begun

            service.terminate();
            Thread.sleep(1_000);
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            assertThat(statusLine(slow.getInputStream())).as("the request in flight is answered")
                    .startsWith("HTTP/1.1 200");
        }
        assertThat(service.awaitExit(60)).as("exit status").isEqualTo(0);
        assertThat(Files.readString(service.log(1))).contains("stopping gracefully");

        service.start();
        assertThat(service.awaitReady(120)).as("restarted").isTrue();
        assertThat(http.get("/v1/events/arriving-during-sigterm").status()).as("stored").isEqualTo(200);
        Map<String, Object> quick = delivery(http, "quick");
        Map<String, Object> stuck = delivery(http, "stuck");
        assertThat(quick).as("finished within the grace period").containsEntry("state", "succeeded");
        assertThat(handler.callsByDelivery().get((String) quick.get("id"))).hasValue(1);
        List<Map<String, Object>> history = (List<Map<String, Object>>) stuck.get("history");
        assertThat(history.get(0)).as("released at shutdown, not left in flight to be found lost")
                .containsEntry("result", "failed");
        assertThat((String) history.get(0).get("detail")).contains("interrupted");
    }

    @Test
    void a_second_sigterm_stops_at_once() throws Exception {
        handler = RecordingHandler.start(Map.of("/quick", Duration.ofSeconds(300), "/stuck", Duration.ofSeconds(300)));
        service = service("120s");
        service.start();
        assertThat(service.awaitReady(120)).as("started").isTrue();
        Http http = new Http(service.baseUrl(), JsonMapper.createDefault());
        assertThat(http.post("/events", Http.CE, EVENT.formatted("long-attempt")).status()).isEqualTo(200);
        assertThat(Http.eventually(30, () -> handler.started("/stuck") == 1)).as("attempt running").isTrue();

        service.terminate();
        assertThat(service.awaitExit(2)).as("still draining after the first SIGTERM").isEqualTo(-1);
        service.terminate();
        assertThat(service.awaitExit(30)).as("forced exit status").isEqualTo(ShutdownSignals.FORCED_EXIT_STATUS);
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    private static Map<String, Object> delivery(Http http, String subscription) {
        return http.deliveries("limit=100").stream().filter(d -> subscription.equals(d.get("subscription")))
                .findFirst().orElseThrow();
    }
}
