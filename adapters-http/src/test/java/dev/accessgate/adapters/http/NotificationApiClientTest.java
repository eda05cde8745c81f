package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.accessgate.adapters.http.migration.NotificationApiClient;
import dev.accessgate.application.port.out.MigrationWebhookApi;
import dev.accessgate.application.port.out.MigrationWebhookApi.Reply;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Notification API client against a local fake that checks the JWT and qsh as a site would. */
class NotificationApiClientTest {

    private static final String SECRET = "notification-shared-secret-0123456789ab";
    private static final List<String> ENDPOINTS = List.of("https://gateway.example.com/migration/events",
            "https://eu.gateway.example.com/migration/events");

    private FakeNotificationApi site;
    private final NotificationApiClient client = new NotificationApiClient(Duration.ofSeconds(5), Clock.systemUTC());

    @BeforeEach
    void start() throws Exception {
        site = new FakeNotificationApi(SECRET, "my-app");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private MigrationWebhookApi.Target target(String appKey, String secret) {
        return new MigrationWebhookApi.Target(SiteUrl.of(site.baseUrl()), appKey, new SharedSecret(secret));
    }

    @Test
    void put_registers_the_endpoints_and_get_lists_them() {
        assertThat(client.put(target("my-app", SECRET), ENDPOINTS)).isEqualTo(new Reply.Ok(List.of()));
        assertThat(client.get(target("my-app", SECRET))).isEqualTo(new Reply.Ok(ENDPOINTS));
        assertThat(site.endpoints()).isEqualTo(ENDPOINTS);

        assertThat(client.put(target("my-app", SECRET), List.of())).isEqualTo(new Reply.Ok(List.of()));
        assertThat(client.get(target("my-app", SECRET))).isEqualTo(new Reply.Ok(List.of()));
        assertThat(site.log()).containsExactly("PUT 200", "GET 200", "PUT 200", "GET 200");
    }

    @Test
    void a_wrong_secret_or_issuer_is_refused_by_the_site_and_not_retryable() {
        Reply wrongSecret = client.put(target("my-app", "some-other-secret-0123456789abcdefghij"), ENDPOINTS);
        Reply wrongIssuer = client.put(target("not-my-app", SECRET), ENDPOINTS);

        assertThat(wrongSecret).isInstanceOfSatisfying(Reply.Failed.class, f -> {
            assertThat(f.retryable()).isFalse();
            assertThat(f.reason()).contains("HTTP 401");
        });
        assertThat(wrongIssuer).isInstanceOf(Reply.Failed.class);
        assertThat(site.endpoints()).isEmpty();
    }

    @Test
    void server_errors_and_rate_limits_are_retryable_and_a_dead_site_too() {
        site.failNext(1, 503);
        assertThat(client.put(target("my-app", SECRET), ENDPOINTS)).isEqualTo(
                new Reply.Failed("PUT " + site.baseUrl() + NotificationApiClient.PATH + " answered HTTP 503", true));
        site.failNext(1, 429);
        assertThat(client.get(target("my-app", SECRET))).isInstanceOfSatisfying(Reply.Failed.class,
                f -> assertThat(f.retryable()).isTrue());
        MigrationWebhookApi.Target gone = target("my-app", SECRET);
        site.close();
        assertThat(client.put(gone, ENDPOINTS)).isInstanceOfSatisfying(Reply.Failed.class,
                f -> assertThat(f.retryable()).isTrue());
    }

    @Test
    void the_qsh_is_the_one_atlassian_jwt_computes_for_the_request() throws Exception {
        String url = site.baseUrl() + NotificationApiClient.PATH;
        JsonMapper json = io.micronaut.json.JsonMapper.createDefault();
        for (String method : List.of("PUT", "GET")) {
            String token = client.token(target("my-app", SECRET), method, java.net.URI.create(url));
            String out = NodeScript.run("connect-jwt.js", json.writeValueAsString(List.of(Map.of("method", method,
                    "url", url, "baseUrl", site.baseUrl(), "now", 0, "leeway", 0))));
            Map<String, Object> reference = json.readValue(out, io.micronaut.core.type.Argument.listOf(
                    io.micronaut.core.type.Argument.mapOf(String.class, Object.class))).get(0);

            assertThat(reference.get("canonical")).isEqualTo(method + "&/rest/atlassian-connect/1/migration/webhook&");
            assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("qsh")).isEqualTo(reference.get("qsh"));
        }
    }
}
