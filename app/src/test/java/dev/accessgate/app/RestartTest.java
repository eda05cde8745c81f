package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.ForgeHandlerProcess;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} between retries and during an attempt: accessgate runs as a separate JVM
 * (configured through ACCESSGATE_CONFIG and ACCESSGATE_DB, as in production), is killed with
 * {@code destroyForcibly()} (SIGKILL), and started again on the same SQLite file. The retry that
 * was scheduled runs once, not before its due time; the attempt that was running is counted as
 * lost once its lease ends and retried with FUNCTION_PLATFORM_UNKNOWN_ERROR.
 */
class RestartTest {

    private static final String RETRY = "/h/retry?after=10&reason=FUNCTION_UPSTREAM_RATE_LIMITED";
    private static final String STUCK = "/h/sleep/60000";

    @TempDir
    Path dir;
    private ForgeHandlerProcess node;
    private ServiceProcess accessgate;
    // A JSON mapper without an application context: a context would start the service's beans
    // and open a database file of its own.
    private final JsonMapper mapper = JsonMapper.createDefault();

    @AfterEach
    void stop() {
        if (accessgate != null) {
            accessgate.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private List<Map<String, Object>> calls(String path) {
        try {
            List<Map<String, Object>> all = mapper.readValue(node.callsJson(),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
            return all.stream().filter(c -> c.get("path").equals(path)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> bySubscription(Http http, String subscription) {
        return http.deliveries("limit=1000").stream().filter(d -> d.get("subscription").equals(subscription))
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_kill_between_retries_and_during_an_attempt_loses_nothing_and_runs_nothing_early() throws Exception {
        node = ForgeHandlerProcess.start();
        Path config = dir.resolve("subscriptions.yml");
        Files.writeString(config, """
                accessgate:
                  subscriptions:
                    - name: slow-retry
                      events: ["avi:jira:*:issue"]
                      handler:
                        url: %s
                        timeout: 5s
                    - name: stuck
                      events: ["avi:jira:*:issue"]
                      handler:
                        url: %s
                        timeout: 4s
                """.formatted(node.url(RETRY), node.url(STUCK)));
        accessgate = new ServiceProcess(dir, Map.of("ACCESSGATE_CONFIG", config.toString(),
                "ACCESSGATE_DB", dir.resolve("accessgate.db").toString(), "ACCESSGATE_DELIVERY_LEASE_MARGIN", "1s"));
        Http http = new Http(accessgate.baseUrl(), mapper);

        accessgate.start();
        assertThat(accessgate.awaitReady(60)).as("first start").isTrue();
        assertThat(http.event("restart-1", "avi:jira:created:issue").status()).isEqualTo(200);
        assertThat(Http.eventually(20, () -> "retrying".equals(bySubscription(http, "slow-retry").get("state"))
                && calls(STUCK).size() == 1)).as("one retry scheduled, one attempt running").isTrue();
        Map<String, Object> retrying = bySubscription(http, "slow-retry");
        Map<String, Object> running = bySubscription(http, "stuck");
        assertThat(running).containsEntry("state", "pending").containsEntry("running", true);
        Instant retryDue = Instant.parse((String) retrying.get("dueAt"));
        Instant leaseEnd = Instant.parse((String) running.get("leaseUntil"));

        accessgate.kill();
        accessgate.start();
        assertThat(accessgate.awaitReady(60)).as("second start").isTrue();

        assertThat(Http.eventually(90, () -> calls(RETRY).size() == 2)).as("the scheduled retry ran").isTrue();
        Map<String, Object> retry = calls(RETRY).get(1);
        assertThat(Instant.ofEpochMilli(((Number) retry.get("at")).longValue())).as("not before it was due")
                .isAfterOrEqualTo(retryDue.minusMillis(1));
        assertThat(((Map<String, Object>) retry.get("body")).get("retryContext")).isInstanceOfSatisfying(Map.class,
                context -> assertThat((Map<String, Object>) context).containsEntry("retryCount", 1)
                        .containsEntry("retryReason", "FUNCTION_UPSTREAM_RATE_LIMITED"));

        assertThat(Http.eventually(90, () -> calls(STUCK).size() == 2)).as("the lost attempt was retried").isTrue();
        Map<String, Object> again = calls(STUCK).get(1);
        assertThat(Instant.ofEpochMilli(((Number) again.get("at")).longValue()))
                .as("only after the lease ended, plus the first platform backoff")
                .isAfterOrEqualTo(leaseEnd.plusSeconds(1).minusMillis(1));
        assertThat(((Map<String, Object>) again.get("body")).get("retryContext")).isEqualTo(
                Map.of("retryCount", 1, "retryReason", "FUNCTION_PLATFORM_UNKNOWN_ERROR"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) bySubscription(http, "stuck").get("history");
        assertThat(history.get(0)).containsEntry("result", "failed")
                .containsEntry("retryReason", "FUNCTION_PLATFORM_UNKNOWN_ERROR");
        assertThat(http.deliveries("limit=1000")).as("nothing lost, nothing doubled").hasSize(2);
        assertThat(calls(RETRY)).hasSize(2);
    }
}
