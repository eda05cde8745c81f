package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.accessgate.adapters.http.security.QueryStringHash;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.domain.installation.ConnectState;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connect lifecycle callbacks through the real server, with signed installs required (production). */
@MicronautTest
class ConnectLifecycleTest {

    static final String SECRET = "first-shared-secret-of-the-client-0123";
    static final String NEW_SECRET = "second-shared-secret-of-the-client-456";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryInstallationStore store;

    private HttpDriver http;
    private String client;

    @BeforeEach
    void setUp() {
        http = new HttpDriver(server.getURL(), json);
        client = "client-" + CLIENTS.incrementAndGet();
    }

    static String payload(String clientKey, String secret, String eventType) {
        return "{\"key\":\"accessgate-app\",\"clientKey\":\"" + clientKey + "\",\"sharedSecret\":\"" + secret
                + "\",\"baseUrl\":\"https://acme.atlassian.net/wiki\",\"cloudId\":\"cloud-" + clientKey
                + "\",\"productType\":\"confluence\",\"description\":\"Atlassian Confluence\",\"serverVersion\":6452,"
                + "\"pluginsVersion\":\"1000.0.0\",\"eventType\":\"" + eventType + "\",\"nested\":{\"x\":1}}";
    }

    static JWTClaimsSet.Builder claims(String clientKey, String method, String path, Instant now) {
        return new JWTClaimsSet.Builder().issuer(clientKey).issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(175)))
                .claim("qsh", QueryStringHash.of(method, path, null, ""));
    }

    static String installToken(RSAKey key, JWTClaimsSet.Builder claims) {
        return "JWT " + TestKeys.rs256(key, claims.audience(SecurityTestBeans.BASE_URL).build());
    }

    private HttpDriver.Reply post(String path, String body, String authorization) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return authorization == null ? http.post(path, "application/json", bytes)
                : http.post(path, "application/json", bytes, "Authorization", authorization);
    }

    private HttpDriver.Reply install(String secret, String authorization) {
        return post("/connect/installed", payload(client, secret, "installed"), authorization);
    }

    private String validInstallToken() {
        return installToken(TestKeys.INSTALL, claims(client, "POST", "/connect/installed", TestBeans.NOW));
    }

    private String secretToken(String secret, String path) {
        return "JWT " + TestKeys.hs256(secret, claims(client, "POST", path, TestBeans.NOW).build());
    }

    private static void assertUnauthorized(HttpDriver.Reply reply, String detail) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.raw().headers().firstValue("WWW-Authenticate")).contains("JWT realm=\"accessgate\"");
        assertThat((String) reply.json().get("detail")).contains(detail);
    }

    @Test
    void a_signed_install_is_stored_with_its_payload_fields_and_never_shows_the_secret() {
        HttpDriver.Reply reply = install(SECRET, validInstallToken());

        assertThat(reply.status()).isEqualTo(204);
        var stored = store.client(client).orElseThrow();
        assertThat(stored.secret().value()).isEqualTo(SECRET);
        assertThat(stored.installation().state()).isEqualTo(ConnectState.INSTALLED);
        assertThat(stored.installation().baseUrl().value()).isEqualTo("https://acme.atlassian.net/wiki");
        assertThat(stored.installation().attributes()).containsEntry("productType", "confluence")
                .containsEntry("serverVersion", "6452").containsEntry("eventType", "installed")
                .doesNotContainKeys("sharedSecret", "nested");

        HttpDriver.Reply list = http.withBearer(SecurityTestBeans.API_TOKEN).get("/v1/installations");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(client).doesNotContain(SECRET).doesNotContain("sharedSecret");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> connect = (List<Map<String, Object>>) list.json().get("connect");
        assertThat(connect).filteredOn(c -> c.get("clientKey").equals(client)).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("key", "accessgate-app").containsEntry("state", "installed")
                    .containsEntry("cloudId", "cloud-" + client).containsEntry("baseUrl", "https://acme.atlassian.net/wiki")
                    .containsKeys("installedAt", "updatedAt", "attributes");
        });
    }

    @Test
    void an_unsigned_install_is_refused_when_signed_installs_are_required() {
        assertUnauthorized(install(SECRET, null), "install token");
        assertThat(store.client(client)).isEmpty();
    }

    @Test
    void install_tokens_that_do_not_hold_are_refused_and_store_nothing() {
        Instant now = TestBeans.NOW;
        assertUnauthorized(install(SECRET, installToken(TestKeys.STRANGER,
                claims(client, "POST", "/connect/installed", now))), "signature");
        assertUnauthorized(install(SECRET, installToken(TestKeys.INSTALL,
                claims(client, "POST", "/connect/uninstalled", now))), "qsh");
        assertUnauthorized(install(SECRET, installToken(TestKeys.INSTALL,
                claims(client, "POST", "/connect/installed", now.minusSeconds(600)))), "expired");
        assertUnauthorized(install(SECRET, installToken(TestKeys.INSTALL,
                claims("another-client", "POST", "/connect/installed", now))), "another client");
        assertUnauthorized(install(SECRET, "JWT " + TestKeys.rs256(TestKeys.INSTALL,
                claims(client, "POST", "/connect/installed", now).audience("https://evil.example.com").build())), "aud");
        assertUnauthorized(install(SECRET, "JWT " + TestKeys.rs256(TestKeys.INSTALL,
                claims(client, "POST", "/connect/installed", now).build())), "aud");
        String unsigned = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + client + "\"}").getBytes(StandardCharsets.UTF_8)) + ".";
        assertUnauthorized(install(SECRET, "JWT " + unsigned), "malformed or not signed");
        assertUnauthorized(install(SECRET, "JWT not-a-token"), "malformed");
        assertUnauthorized(install(SECRET, "Bearer " + validInstallToken().substring(4)), "Authorization: JWT");
        assertUnauthorized(install(SECRET, secretToken(SECRET, "/connect/installed")), "not an installed client");
        assertThat(store.client(client)).isEmpty();
    }

    @Test
    void bad_payloads_with_a_valid_token_are_400_with_pointers_and_store_nothing() {
        String token = validInstallToken();
        HttpDriver.Reply malformed = post("/connect/installed", "{\"clientKey\": ", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        HttpDriver.Reply missing = post("/connect/installed", "{\"clientKey\":\"" + client + "\",\"cloudId\":5}", token);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").toString()).contains("/key", "/baseUrl", "/sharedSecret", "/cloudId");

        HttpDriver.Reply shortSecret = install("too-short", token);
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.body()).contains("/sharedSecret").doesNotContain("too-short");

        HttpDriver.Reply wrongEvent = post("/connect/installed", payload(client, SECRET, "uninstalled"), token);
        assertThat(wrongEvent.status()).isEqualTo(400);
        assertThat(wrongEvent.body()).contains("/eventType");

        assertThat(post("/connect/installed", "[1,2]", token).status()).isEqualTo(400);
        assertThat(store.client(client)).isEmpty();
    }

    @Test
    void a_reinstall_with_an_install_token_replaces_the_secret_and_the_old_one_stops_working() {
        install(SECRET, validInstallToken());

        assertThat(install(NEW_SECRET, validInstallToken()).status()).isEqualTo(204);

        assertThat(store.client(client).orElseThrow().secret().value()).isEqualTo(NEW_SECRET);
        assertUnauthorized(post("/connect/enabled", payload(client, SECRET, "enabled"),
                secretToken(SECRET, "/connect/enabled")), "signature");
        assertThat(post("/connect/enabled", payload(client, SECRET, "enabled"),
                secretToken(NEW_SECRET, "/connect/enabled")).status()).isEqualTo(204);
    }

    @Test
    void enabled_disabled_and_uninstalled_follow_the_signed_callbacks() {
        install(SECRET, validInstallToken());

        assertThat(post("/connect/enabled", payload(client, SECRET, "enabled"),
                secretToken(SECRET, "/connect/enabled")).status()).isEqualTo(204);
        assertThat(store.client(client).orElseThrow().installation().state()).isEqualTo(ConnectState.ENABLED);

        assertThat(post("/connect/disabled", payload(client, SECRET, "disabled"),
                secretToken(SECRET, "/connect/disabled")).status()).isEqualTo(204);
        assertThat(store.client(client).orElseThrow().installation().state()).isEqualTo(ConnectState.DISABLED);

        assertThat(post("/connect/uninstalled", payload(client, SECRET, "uninstalled"),
                installToken(TestKeys.INSTALL, claims(client, "POST", "/connect/uninstalled", TestBeans.NOW)))
                .status()).isEqualTo(204);
        assertThat(store.client(client).orElseThrow().installation().state()).isEqualTo(ConnectState.UNINSTALLED);

        // An uninstalled client's secret no longer opens anything but a reinstall.
        HttpDriver.Reply afterUninstall = post("/connect/enabled", payload(client, SECRET, "enabled"),
                secretToken(SECRET, "/connect/enabled"));
        assertThat(afterUninstall.status()).isEqualTo(409);
    }

    @Test
    void state_callbacks_that_do_not_prove_the_client_are_refused() {
        install(SECRET, validInstallToken());

        assertUnauthorized(post("/connect/disabled", payload(client, SECRET, "disabled"), null), "shared secret");
        assertUnauthorized(post("/connect/disabled", payload(client, SECRET, "disabled"),
                secretToken(SECRET, "/connect/enabled")), "qsh");
        assertUnauthorized(post("/connect/disabled", payload(client, SECRET, "disabled"),
                secretToken("a-wrong-secret-of-at-least-32-bytes!!", "/connect/disabled")), "signature");
        String otherClient = "other-" + client;
        HttpDriver.Reply forOther = post("/connect/disabled", payload(otherClient, SECRET, "disabled"),
                secretToken(SECRET, "/connect/disabled"));
        assertThat(forOther.status()).isIn(401, 404);
        assertThat(store.client(client).orElseThrow().installation().state()).isEqualTo(ConnectState.INSTALLED);
    }

    @Test
    void an_uninstall_of_an_unknown_client_with_a_valid_install_token_is_404() {
        HttpDriver.Reply reply = post("/connect/uninstalled", payload(client, SECRET, "uninstalled"),
                installToken(TestKeys.INSTALL, claims(client, "POST", "/connect/uninstalled", TestBeans.NOW)));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }
}
