package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.ConnectJwts;
import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.ForgeHandlerProcess;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless chromium (tools/browser-tests/dashboard.test.mjs, playwright-core
 * over Debian's chromium; the build installs both): the real server on a SQLite file, data
 * seeded through the real APIs, then the page must show it, replay a dead delivery, and render
 * a hostile event id as text.
 */
class DashboardBrowserTest {

    private static final String TOKEN = "dashboard-api-token-0123456789abcdef";
    private static final String BASE_URL = "https://gateway.example.com";
    private static final String CLIENT = "dashboard-client-key";
    private static final String SECRET = "dashboard-shared-secret-0123456789abcdefghij";
    private static final String HOSTILE_ID = "<img src=x onerror=\"window.__xss=1\">&amp;</code><script>window.__xss=2</script>";
    private static final String TRANSFER_ID = "e4166374-2345-4c31-918c-83b14eb644f6";

    @TempDir
    Path dir;

    private ForgeHandlerProcess handler;
    private EmbeddedServer server;
    private HttpDriver atlassian;
    private HttpDriver api;
    private JsonMapper json;

    @BeforeEach
    void start() {
        handler = ForgeHandlerProcess.start();
        Map<String, Object> settings = new HashMap<>(Map.of(
                "accessgate.db", dir.resolve("accessgate.db").toString(),
                "micronaut.server.port", -1,
                "accessgate.base-url", BASE_URL,
                "accessgate.security.api-token", TOKEN,
                "accessgate.connect.allow-unsigned-installs", true));
        settings.putAll(Map.of(
                "accessgate.subscriptions[0].name", "issue-sync",
                "accessgate.subscriptions[0].events[0]", "avi:jira:*:issue",
                // A 4xx answer is dead at once: the dead letter to replay.
                "accessgate.subscriptions[0].handler.url", handler.url("/h/status/400").toString(),
                "accessgate.subscriptions[1].name", "policy-audit",
                "accessgate.subscriptions[1].events[0]", "avi:ecosystem.app_policy:*",
                "accessgate.subscriptions[1].handler.url", handler.url("/h/ok").toString()));
        server = ApplicationContext.run(EmbeddedServer.class, settings);
        json = server.getApplicationContext().getBean(JsonMapper.class);
        atlassian = new HttpDriver(server.getURL(), json);
        api = atlassian.withBearer(TOKEN);
    }

    @AfterEach
    void stop() {
        server.close();
        handler.close();
    }

    private void accepted(HttpDriver.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static String cloudEvent(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":" + quoted(id) + ",\"type\":\"" + type
                + "\",\"source\":\"test\",\"time\":\"2026-01-01T00:00:00Z\",\"data\":" + data + "}";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @SuppressWarnings("unchecked")
    private String seed() throws InterruptedException {
        accepted(atlassian.post("/events", Http.CE, Fixtures.text(Fixtures.OBJECTS_V2)));
        accepted(atlassian.post("/events", Http.CE, Fixtures.text(Fixtures.CONTAINER_V2)
                .replace("7a6796c0-746d-4504-92cd-819eca234306", "container-event-1")));
        accepted(atlassian.post("/events", Http.CE, cloudEvent(HOSTILE_ID, "avi:example:future.v3", "{}")));
        accepted(atlassian.post("/events", Http.CE, cloudEvent("issue-created-1", "avi:jira:created:issue",
                "{\"issue\":{\"key\":\"PRJ-1\"}}")));
        accepted(atlassian.post("/events?type=avi:forge:installed:app", "application/json",
                Fixtures.text("lifecycle-installed.json")));
        assertThat(atlassian.post("/connect/installed", "application/json", "{\"key\":\"my-cloud-app-key\",\"clientKey\":\""
                + CLIENT + "\",\"sharedSecret\":\"" + SECRET + "\",\"baseUrl\":\"https://site.atlassian.net\","
                + "\"eventType\":\"installed\"}").status()).isEqualTo(204);
        String jwt = "JWT " + ConnectJwts.sign(json, new ConnectJwts.Request("POST", BASE_URL + "/migration/events",
                BASE_URL, SECRET, CLIENT, Instant.now(), 600));
        accepted(atlassian.post("/migration/events", "application/json",
                Fixtures.text("migration-listener-triggered.json").getBytes(StandardCharsets.UTF_8),
                "Authorization", jwt));

        // The issue event's delivery goes dead at its first attempt (the handler answers 400).
        String[] dead = new String[1];
        assertThat(Http.eventually(30, () -> {
            List<Map<String, Object>> found = (List<Map<String, Object>>) api.get("/v1/deliveries?state=dead")
                    .json().get("deliveries");
            found.stream().filter(d -> d.get("eventId").equals("issue-created-1"))
                    .forEach(d -> dead[0] = (String) d.get("id"));
            return dead[0] != null;
        })).as("the issue delivery is dead").isTrue();
        return dead[0];
    }

    @Test
    void the_dashboard_shows_the_seeded_data_replays_a_dead_letter_and_renders_hostile_ids_as_text()
            throws Exception {
        String deadDelivery = seed();
        String expect = json.writeValueAsString(Map.of(
                "cloudId", "abc123",
                "blockedObjects", 9,
                "hostileEventId", HOSTILE_ID,
                "deadDeliveryId", deadDelivery,
                "transferId", TRANSFER_ID,
                "forgeInstallationId", "fff8e466-31f4-4c73-a337-c3309dd930dc",
                "connectClientKey", CLIENT));

        String output = browserTest(Map.of("DASHBOARD_BASE", "http://127.0.0.1:" + server.getPort(),
                "API_TOKEN", TOKEN, "EXPECT", expect));

        assertThat(output).contains("ok the dashboard loads", "the hostile id renders as text",
                "ok replay re-queued " + deadDelivery, "ok no console errors");
        Map<String, Object> replayed = api.get("/v1/deliveries/" + deadDelivery).json();
        assertThat(replayed).containsEntry("budget", 2);
    }

    /** Runs the Node browser test; its output, or a failure with it. */
    private static String browserTest(Map<String, String> environment) throws IOException, InterruptedException {
        Path scripts = BrowserTests.directory();
        ProcessBuilder builder = new ProcessBuilder("node", "dashboard.test.mjs").directory(scripts.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(out, StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished && process.exitValue() == 0).as("node dashboard.test.mjs:%n%s", output).isTrue();
        return output;
    }
}
