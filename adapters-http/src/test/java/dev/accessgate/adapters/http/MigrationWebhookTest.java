package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.testkit.Fixtures;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.application.testkit.InMemoryMigrationTransferStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.migration.TransferId;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.SiteUrl;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /migration/events} and the transfer queries, on the in-memory stores, signed by atlassian-jwt. */
@MicronautTest
class MigrationWebhookTest {

    private static final String CLIENT = "migration-client-1";
    private static final String SECRET = "migration-shared-secret-0123456789abcdef";
    private static final String UPLOADED = "migration-app-data-uploaded.json";
    private static final String TRIGGERED = "migration-listener-triggered.json";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryInstallationStore installations;
    @Inject
    InMemoryPolicyStore events;
    @Inject
    InMemoryMigrationTransferStore transfers;

    private HttpDriver http;
    private HttpDriver api;
    private String token;

    @BeforeEach
    void setUp() {
        http = new HttpDriver(server.getURL(), json);
        api = http.withBearer(SecurityTestBeans.API_TOKEN);
        if (installations.client(CLIENT).isEmpty()) {
            installations.save(new ConnectInstallation(CLIENT, "my-cloud-app-key",
                    SiteUrl.of("https://cloud-site-under-migration.atlassian.net"), Optional.empty(), ConnectState.ENABLED,
                    Map.of(), TestBeans.NOW, TestBeans.NOW), new SharedSecret(SECRET), OptionalLong.empty());
        }
        token = ConnectJwts.sign(json, new ConnectJwts.Request("POST", "https://gateway.example.com/app/migration/events", SecurityTestBeans.BASE_URL,
                SECRET, CLIENT, TestBeans.NOW, 180));
    }

    private HttpDriver.Reply post(String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + "/migration/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build());
    }

    private static String withTransfer(String fixture, String transferId) {
        return Fixtures.text(fixture).replace("16a84eaa-3f88-4758-94d4-ea245a3b202f", transferId)
                .replace("e4166374-2345-4c31-918c-83b14eb644f6", transferId);
    }

    @Test
    void the_documented_events_are_acknowledged_and_shape_their_transfer() {
        HttpDriver.Reply uploaded = post(withTransfer(UPLOADED, "t-doc"), "JWT " + token);
        HttpDriver.Reply triggered = post(withTransfer(TRIGGERED, "t-doc"), "JWT " + token);

        assertThat(uploaded.status()).isEqualTo(200);
        assertThat(uploaded.json()).containsEntry("status", "stored").containsEntry("eventType", "app-data-uploaded")
                .containsEntry("known", true).containsEntry("transferId", "t-doc");
        assertThat(triggered.status()).isEqualTo(200);
        Map<String, Object> transfer = api.get("/v1/migrations/transfers/t-doc").json();
        assertThat(transfer).containsEntry("transferId", "t-doc").containsEntry("listenerTriggered", true)
                .containsEntry("settled", false).containsEntry("cloudAppKey", "my-cloud-app-key")
                .containsEntry("uploads", List.of(Map.of("s3Key", "636abf0f-38a2-45c1-8c68-9c7edde97f3f",
                        "label", "some-optional-label", "receivedAt", "2026-01-02T03:04:05Z")));
        assertThat((List<?>) transfer.get("events")).hasSize(2);
        String eventId = (String) uploaded.json().get("eventId");
        StoredEvent stored = events.find(new EventId(eventId)).orElseThrow();
        assertThat(stored.event().type()).isEqualTo("migration:app-data-uploaded");
        assertThat(stored.event().body()).isEqualTo(withTransfer(UPLOADED, "t-doc"));
    }

    @Test
    void a_redelivery_is_acknowledged_as_a_duplicate_and_changes_nothing() {
        String body = withTransfer(TRIGGERED, "t-dup");
        post(body, "JWT " + token);
        // The same event again, with other whitespace and key order: the canonical digest is the same.
        String reformatted = body.replace("\n", "").replace("  ", "");

        HttpDriver.Reply again = post(reformatted, "JWT " + token);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("status", "duplicate");
        assertThat(transfers.transfer(new TransferId("t-dup")).orElseThrow().events()).hasSize(1);
    }

    @Test
    void a_new_event_type_is_stored_and_reported_unknown() {
        HttpDriver.Reply reply = post("{\"eventType\":\"transfer-archived\",\"transferId\":\"t-new\",\"extra\":[1,2]}",
                "JWT " + token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).containsEntry("status", "stored").containsEntry("known", false);
        assertThat(api.get("/v1/migrations/transfers/t-new").json())
                .containsEntry("unknownEventTypes", List.of("transfer-archived"));
    }

    @Test
    void invalid_payloads_get_400_with_pointers_and_store_nothing() {
        long before = events.countUnprocessed() + transfers.transfers(Optional.empty(), 1000).size();
        HttpDriver.Reply missing = post("{\"eventType\":\"app-data-uploaded\",\"cloudAppKey\":\"k\",\"transferId\":\"t-bad\"}",
                "JWT " + token);
        HttpDriver.Reply types = post("{\"eventType\":\"listener-triggered\",\"cloudAppKey\":7,\"transferId\":\"t-bad\","
                + "\"migrationDetails\":{\"createdAt\":\"yesterday\",\"name\":false}}", "JWT " + token);
        HttpDriver.Reply noType = post("{\"transferId\":\"t-bad\"}", "JWT " + token);
        HttpDriver.Reply notJson = post("{\"eventType\":", "JWT " + token);

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("/s3Key");
        assertThat(types.status()).isEqualTo(400);
        assertThat(types.json().get("errors").toString())
                .contains("/cloudAppKey", "/migrationDetails/createdAt", "/migrationDetails/name");
        assertThat(noType.status()).isEqualTo(400);
        assertThat(noType.body()).contains("/eventType");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(transfers.transfer(new TransferId("t-bad"))).isEmpty();
        assertThat(events.countUnprocessed() + transfers.transfers(Optional.empty(), 1000).size()).isEqualTo(before);
    }

    @Test
    void a_missing_or_bad_jwt_is_401_and_stores_nothing() {
        String body = withTransfer(TRIGGERED, "t-unauthorised");
        String otherPath = ConnectJwts.sign(json, new ConnectJwts.Request("POST",
                "https://gateway.example.com/app/connect/enabled", SecurityTestBeans.BASE_URL, SECRET, CLIENT, TestBeans.NOW, 180));
        String wrongSecret = ConnectJwts.sign(json, new ConnectJwts.Request("POST",
                "https://gateway.example.com/app/migration/events", SecurityTestBeans.BASE_URL, "another-secret-0123456789abcdefghijkl", CLIENT,
                TestBeans.NOW, 180));
        String expired = ConnectJwts.sign(json, new ConnectJwts.Request("POST",
                "https://gateway.example.com/app/migration/events", SecurityTestBeans.BASE_URL, SECRET, CLIENT, TestBeans.NOW.minusSeconds(3600), 60));

        for (String authorization : new String[] {null, "Bearer " + token, "JWT " + otherPath, "JWT " + wrongSecret,
                "JWT " + expired, "JWT not.a.jwt"}) {
            HttpDriver.Reply reply = post(body, authorization);
            assertThat(reply.status()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).contains("JWT realm=\"accessgate\"");
        }
        assertThat(transfers.transfer(new TransferId("t-unauthorised"))).isEmpty();
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_415() {
        HttpDriver.Reply reply = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/migration/events"))
                .header("Content-Type", "text/plain").header("Authorization", "JWT " + token)
                .POST(HttpRequest.BodyPublishers.ofString(withTransfer(TRIGGERED, "t-text"))).build());

        assertThat(reply.status()).isEqualTo(415);
        assertThat(transfers.transfer(new TransferId("t-text"))).isEmpty();
    }

    @Test
    void transfers_are_listed_page_by_page_and_need_the_api_token() {
        for (String id : List.of("page-c", "page-a", "page-b")) {
            post(withTransfer(TRIGGERED, id), "JWT " + token);
        }

        assertThat(http.get("/v1/migrations/transfers").status()).isEqualTo(401);
        Map<String, Object> first = api.get("/v1/migrations/transfers?limit=2").json();
        List<?> firstIds = ((List<?>) first.get("transfers")).stream().map(t -> ((Map<?, ?>) t).get("transferId")).toList();
        Map<String, Object> rest = api.get("/v1/migrations/transfers?limit=1000&cursor=" + first.get("nextCursor")).json();
        List<?> restIds = ((List<?>) rest.get("transfers")).stream().map(t -> ((Map<?, ?>) t).get("transferId")).toList();

        assertThat(firstIds).hasSize(2);
        assertThat(rest).doesNotContainKey("nextCursor");
        List<Object> all = new java.util.ArrayList<>(firstIds);
        all.addAll(restIds);
        assertThat(all).doesNotHaveDuplicates().contains("page-a", "page-b", "page-c")
                .isSortedAccordingTo((a, b) -> ((String) a).compareTo((String) b));
        assertThat(api.get("/v1/migrations/transfers/nope").status()).isEqualTo(404);
        assertThat(api.get("/v1/migrations/transfers?cursor=%25%25").status()).isEqualTo(400);
    }
}
