package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.adapters.http.HttpDriver;
import dev.accessgate.application.testkit.Fixtures;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A v1 policy event names its site, not its cloudId. It waits, unprocessed, until a Connect
 * install maps that site; then it is applied without anyone asking.
 */
class SiteMappingEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void a_v1_event_that_arrived_before_the_install_is_applied_once_the_install_maps_its_site() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "accessgate.db", dir.resolve("sites.db").toString(),
                "micronaut.server.port", -1,
                "accessgate.connect.allow-unsigned-installs", true))) {
            HttpDriver atlassian = new HttpDriver(server.getURL(),
                    server.getApplicationContext().getBean(JsonMapper.class));
            HttpDriver http = atlassian.withBearer(Http.API_TOKEN);

            HttpDriver.Reply early = atlassian.post("/events", "application/cloudevents+json",
                    Fixtures.text(Fixtures.OBJECTS_V1));
            assertThat(early.json()).containsEntry("status", "unprocessed");
            assertThat(http.get("/v1/workspaces").json()).containsEntry("unprocessedEvents", 1);

            // Unsigned: this service allows unsigned installs, as for local development.
            HttpDriver.Reply installed = atlassian.post("/connect/installed", "application/json", """
                    {"key": "my-app", "clientKey": "client-1", "sharedSecret": "0123456789abcdef0123456789abcdef",
                     "baseUrl": "https://site_name.atlassian.net", "cloudId": "site-cloud-id",
                     "eventType": "installed"}""");
            assertThat(installed.status()).isEqualTo(204);

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!Boolean.TRUE.equals(blocked(http)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(blocked(http)).isEqualTo(true);
            assertThat(http.get("/v1/events/7a6796c0-746d-4504-92cd-819eca234306").json())
                    .containsEntry("status", "applied").containsEntry("cloudId", "site-cloud-id");
            assertThat(http.get("/v1/workspaces").json()).containsEntry("unprocessedEvents", 0);
        }
    }

    private static Object blocked(HttpDriver http) {
        return http.get("/v1/workspaces/site-cloud-id/objects/confluence/page/23456").json().get("blocked");
    }
}
