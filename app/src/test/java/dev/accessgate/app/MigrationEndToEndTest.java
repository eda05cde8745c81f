package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.ConnectJwts;
import dev.accessgate.adapters.http.FakeNotificationApi;
import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App migration webhooks through the real server on a real SQLite file: a Connect client is
 * installed and enabled (which registers the webhook with a local fake of its Notification API),
 * then the documented events and the other three types are sent, in random order and with
 * duplicates, signed by Atlassian's atlassian-jwt library.
 */
class MigrationEndToEndTest {

    private static final String BASE_URL = "https://gateway.example.com";
    private static final String API_TOKEN = "e2e-api-token-0123456789abcdef";
    private static final String CLIENT = "jira-client-key-1";
    private static final String APP_KEY = "my-cloud-app-key";
    private static final String SECRET = "e2e-shared-secret-0123456789abcdefghij";
    private static final String TRIGGERED_ID = "e4166374-2345-4c31-918c-83b14eb644f6";
    private static final String UPLOADED_ID = "16a84eaa-3f88-4758-94d4-ea245a3b202f";
    private static final String RERUN_ID = "7f3c2a10-5b1e-4c1d-9a3e-1b2c3d4e5f60";

    @TempDir
    Path dir;

    private FakeNotificationApi site;
    private EmbeddedServer server;
    private JsonMapper json;
    private HttpDriver http;
    private HttpDriver api;

    @BeforeEach
    void start() throws Exception {
        site = new FakeNotificationApi(SECRET, APP_KEY);
        server = start(dir.resolve("e2e/accessgate.db"));
    }

    private EmbeddedServer start(Path db) {
        EmbeddedServer started = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "accessgate.db", db.toString(),
                "micronaut.server.port", -1,
                "accessgate.base-url", BASE_URL,
                "accessgate.security.api-token", API_TOKEN,
                "accessgate.connect.allow-unsigned-installs", true,
                "accessgate.migration.register", true,
                "accessgate.migration.retry-delays", "200ms,200ms"));
        json = started.getApplicationContext().getBean(JsonMapper.class);
        http = new HttpDriver(started.getURL(), json);
        api = http.withBearer(API_TOKEN);
        return started;
    }

    @AfterEach
    void stop() {
        server.close();
        site.close();
    }

    private String jwt(String path) {
        return "JWT " + ConnectJwts.sign(json, new ConnectJwts.Request("POST", BASE_URL + path, BASE_URL, SECRET, CLIENT,
                Instant.now(), 600));
    }

    private HttpDriver.Reply post(String path, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    private void installAndEnable() throws InterruptedException {
        String install = "{\"key\":\"" + APP_KEY + "\",\"clientKey\":\"" + CLIENT + "\",\"sharedSecret\":\"" + SECRET
                + "\",\"baseUrl\":\"" + site.baseUrl() + "\",\"eventType\":\"installed\"}";
        assertThat(post("/connect/installed", install, null).status()).isEqualTo(204);
        site.failNext(1, 503); // the first PUT fails: the registration is retried
        HttpDriver.Reply enabled = post("/connect/enabled", "{\"clientKey\":\"" + CLIENT + "\",\"key\":\"" + APP_KEY
                + "\",\"eventType\":\"enabled\"}", jwt("/connect/enabled"));
        assertThat(enabled.status()).isEqualTo(204);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        // The fake site sees the GET before the service records the attempt: wait for the record.
        while (!api.get("/v1/migrations/webhook-registrations").json().toString().contains("outcome=registered")
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The documented example with {@code eventType} (and its upload fields) replaced. */
    private static String as(String fixture, String eventType, String transferId) {
        String body = Fixtures.text(fixture).replaceFirst("\"eventType\": \"[a-z-]+\"", "\"eventType\": \"" + eventType + "\"")
                .replace(UPLOADED_ID, transferId).replace(TRIGGERED_ID, transferId);
        if (!eventType.equals("app-data-uploaded")) {
            body = body.replaceAll(",\\s*\"s3Key\": \"[^\"]*\",\\s*\"label\": \"[^\"]*\"", "");
        }
        return body;
    }

    @Test
    void replaying_the_documented_events_and_the_other_types_in_any_order_with_duplicates_gives_one_record_each()
            throws Exception {
        installAndEnable();
        assertThat(site.endpoints()).containsExactly(BASE_URL + "/migration/events");
        assertThat(site.log().subList(0, 3)).containsExactly("PUT 503", "PUT 200", "GET 200");
        Map<String, Object> registrations = api.get("/v1/migrations/webhook-registrations").json();
        assertThat(registrations.get("registrations").toString()).contains("outcome=registered", "attempt=2");

        String triggered = "migration-listener-triggered.json";
        String uploaded = "migration-app-data-uploaded.json";
        List<String> bodies = new ArrayList<>(List.of(
                Fixtures.text(triggered),
                as(triggered, "listener-errored", TRIGGERED_ID),
                as(triggered, "transfer-cancellation-requested", TRIGGERED_ID),
                as(triggered, "transfer-settled", TRIGGERED_ID),
                Fixtures.text(uploaded),
                as(uploaded, "listener-triggered", UPLOADED_ID),
                // A second upload of the same transfer, sent with a messageId.
                as(uploaded, "app-data-uploaded", UPLOADED_ID).replace("636abf0f-38a2-45c1-8c68-9c7edde97f3f", "second-s3-key")
                        .replace("\"label\": \"some-optional-label\"", "\"label\": \"part-2\", \"messageId\": \"msg-2\""),
                as(uploaded, "transfer-settled", UPLOADED_ID),
                // A rerun of the first transfer.
                as(triggered, "listener-triggered", RERUN_ID)
                        .replace("\"serverAppVersion\"", "\"originalTransferId\": \"" + TRIGGERED_ID + "\", \"serverAppVersion\"")));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> delivered = new ArrayList<>();
        for (String body : bodies) {
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                delivered.add(body);
            }
        }
        Collections.shuffle(delivered, random);

        String authorization = jwt("/migration/events");
        long slowestNanos = 0;
        for (String body : delivered) {
            long started = System.nanoTime();
            HttpDriver.Reply reply = post("/migration/events", body, authorization);
            slowestNanos = Math.max(slowestNanos, System.nanoTime() - started);
            assertThat(reply.status()).as("seed %d: %s", seed, reply.body()).isEqualTo(200);
        }
        // The platform's limit is 5 s per acknowledgement; this is a bound, not a benchmark.
        assertThat(Duration.ofNanos(slowestNanos)).isLessThan(Duration.ofSeconds(5));

        Map<String, Object> first = api.get("/v1/migrations/transfers/" + TRIGGERED_ID).json();
        assertThat(first).containsEntry("listenerTriggered", true).containsEntry("errored", true)
                .containsEntry("cancellationRequested", true).containsEntry("settled", true)
                .containsEntry("uploads", List.of()).containsEntry("unknownEventTypes", List.of())
                .containsEntry("cloudAppKey", APP_KEY).containsEntry("serverAppVersion", "1.0")
                .doesNotContainKey("originalTransferId");
        assertThat(first.get("migrationDetails")).isEqualTo(Map.of("migrationId", "8e60dc59-78d6-484f-966a-a09ff8be8ed0",
                "migrationScopeId", "442bdd69-622d-323d-889d-383b41d8e536", "name", "Migration of my Confluence page",
                "createdAt", 1597211035, "jiraClientKey", "unknown",
                "confluenceClientKey", "03a7cb4b-23b6-3a79-8916-8824a053e786",
                "cloudUrl", "https://cloud-site-under-migration.atlassian.net"));
        assertThat(eventTypes(first)).containsExactlyInAnyOrder("listener-triggered", "listener-errored",
                "transfer-cancellation-requested", "transfer-settled");

        Map<String, Object> second = api.get("/v1/migrations/transfers/" + UPLOADED_ID).json();
        assertThat(second).containsEntry("listenerTriggered", true).containsEntry("settled", true)
                .containsEntry("errored", false).containsEntry("cancellationRequested", false);
        assertThat(eventTypes(second)).containsExactlyInAnyOrder("app-data-uploaded", "app-data-uploaded",
                "listener-triggered", "transfer-settled");
        assertThat((List<?>) second.get("uploads")).extracting(u -> ((Map<?, ?>) u).get("s3Key") + "/"
                + ((Map<?, ?>) u).get("label")).containsExactlyInAnyOrder(
                "636abf0f-38a2-45c1-8c68-9c7edde97f3f/some-optional-label", "second-s3-key/part-2");

        Map<String, Object> rerun = api.get("/v1/migrations/transfers/" + RERUN_ID).json();
        assertThat(rerun).containsEntry("originalTransferId", TRIGGERED_ID).containsEntry("listenerTriggered", true);

        Map<String, Object> listing = api.get("/v1/migrations/transfers").json();
        List<Object> listed = ((List<?>) listing.get("transfers")).stream()
                .map(t -> (Object) ((Map<?, ?>) t).get("transferId")).toList();
        assertThat(listed).containsExactly(UPLOADED_ID, RERUN_ID, TRIGGERED_ID);
        // Every distinct event is in the event store once, typed for subscriptions.
        List<?> stored = (List<?>) api.get("/v1/events?limit=1000").json().get("events");
        assertThat(stored).hasSize(bodies.size()).allSatisfy(e ->
                assertThat((String) ((Map<?, ?>) e).get("type")).startsWith("migration:"));
        assertThat(api.get("/v1/events/migration:msg-2").json()).containsEntry("type", "migration:app-data-uploaded")
                .containsEntry("status", "stored");

        // After a restart everything is still there.
        server.close();
        server = start(dir.resolve("e2e/accessgate.db"));
        assertThat(api.get("/v1/migrations/transfers/" + TRIGGERED_ID).json()).isEqualTo(first);
    }

    @Test
    void an_invalid_payload_or_a_bad_jwt_is_refused_and_stores_nothing() throws Exception {
        installAndEnable();
        String authorization = jwt("/migration/events");
        String noTransfer = Fixtures.text("migration-listener-triggered.json")
                .replace("\"transferId\": \"" + TRIGGERED_ID + "\",", "");
        String badDetails = Fixtures.text("migration-listener-triggered.json").replace("1597211035", "\"yesterday\"");
        String uploadWithoutKey = Fixtures.text("migration-app-data-uploaded.json")
                .replace("\"s3Key\": \"636abf0f-38a2-45c1-8c68-9c7edde97f3f\",", "");

        HttpDriver.Reply missing = post("/migration/events", noTransfer, authorization);
        HttpDriver.Reply wrongType = post("/migration/events", badDetails, authorization);
        HttpDriver.Reply noKey = post("/migration/events", uploadWithoutKey, authorization);
        HttpDriver.Reply unsigned = post("/migration/events", Fixtures.text("migration-listener-triggered.json"), null);
        HttpDriver.Reply forged = post("/migration/events", Fixtures.text("migration-listener-triggered.json"),
                "JWT " + ConnectJwts.sign(json, new ConnectJwts.Request("POST", BASE_URL + "/migration/events", BASE_URL,
                        "not-the-shared-secret-0123456789abcdefgh", CLIENT, Instant.now(), 600)));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body()).contains("\"pointer\":\"/transferId\"");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("/migrationDetails/createdAt");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body()).contains("/s3Key");
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(api.get("/v1/migrations/transfers").json()).isEqualTo(Map.of("transfers", List.of()));
        assertThat(api.get("/v1/events").json()).isEqualTo(Map.of("events", List.of()));
    }

    private static List<Object> eventTypes(Map<String, Object> transfer) {
        return ((List<?>) transfer.get("events")).stream().map(e -> (Object) ((Map<?, ?>) e).get("eventType")).toList();
    }
}
