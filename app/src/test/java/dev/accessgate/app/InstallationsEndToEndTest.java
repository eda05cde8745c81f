package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.accessgate.adapters.http.installation.ForgeLifecycleReader;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.QueryStringHash;
import dev.accessgate.application.port.in.RecordForgeLifecycleUseCase;
import dev.accessgate.application.port.out.SiteDirectory;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole service on a real SQLite file: Connect install, enable, the installations API
 * behind the generated API token, a Forge lifecycle event; and the proof that neither the
 * shared secret nor the API token appears in any log line, any response or the database file.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallationsEndToEndTest implements TestPropertyProvider {

    private static final LogCapture LOGS = LogCapture.start();
    private static final String BASE_URL = "https://gateway.example.com/app";
    private static final String CLIENT = "e2e-client";
    private static final String SECRET = "e2e-shared-secret-" + Long.toHexString(new SecureRandom().nextLong())
            + "-0123456789";
    private static final String NEW_SECRET = "e2e-rotated-secret-" + Long.toHexString(new SecureRandom().nextLong())
            + "-0123456789";
    private static final RSAKey INSTALL_KEY = rsaKey("e2e-install-key");
    private static final RSAKey STRANGER = rsaKey("e2e-install-key");

    private final Path dir = tempDir();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<String> responses = new ArrayList<>();
    /** Every JWT sent, the encryption key and the wrong bearer tokens: none may show up in a log or a response. */
    private final List<String> sentSecrets = new ArrayList<>();

    @Inject
    EmbeddedServer server;
    @Inject
    RecordForgeLifecycleUseCase forge;
    @Inject
    SiteDirectory sites;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path jwks = dir.resolve("install-keys.json");
            Files.writeString(jwks, new JWKSet(INSTALL_KEY.toPublicJWK()).toString());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            sentSecrets.add(Base64.getEncoder().encodeToString(key));
            return Map.of("accessgate.db", dir.resolve("e2e.db").toString(),
                    "accessgate.base-url", BASE_URL,
                    "accessgate.connect.install-jwks", jwks.toString(),
                    "accessgate.security.secret-key", Base64.getEncoder().encodeToString(key),
                    // No configured token: this test reads the generated token file, as a new user would.
                    "accessgate.security.api-token", "",
                    "micronaut.server.port", "-1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void cleanUp() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void install_enable_list_and_never_leak_a_secret() throws Exception {
        Path tokenFile = dir.resolve("accessgate.token");
        String apiToken = Files.readString(tokenFile).strip();
        assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(LOGS.all()).contains(tokenFile.toString());

        // Refused installs change nothing.
        assertThat(post("/connect/installed", payload(SECRET, "installed"), null).statusCode()).isEqualTo(401);
        assertThat(post("/connect/installed", payload(SECRET, "installed"),
                installToken(STRANGER, "/connect/installed")).statusCode()).isEqualTo(401);
        assertThat(post("/connect/installed", "{\"clientKey\":\"" + CLIENT + "\",\"sharedSecret\":\"" + SECRET,
                installToken(INSTALL_KEY, "/connect/installed")).statusCode()).isEqualTo(400);
        assertThat(get("/v1/installations", apiToken).body()).doesNotContain(CLIENT);

        // A signed install, then the client's own signed callbacks.
        assertThat(post("/connect/installed", payload(SECRET, "installed"),
                installToken(INSTALL_KEY, "/connect/installed")).statusCode()).isEqualTo(204);
        assertThat(post("/connect/enabled", payload(SECRET, "enabled"), secretToken(SECRET, "/connect/disabled"))
                .statusCode()).isEqualTo(401);
        assertThat(post("/connect/enabled", payload(SECRET, "enabled"), secretToken(SECRET, "/connect/enabled"))
                .statusCode()).isEqualTo(204);
        // A reinstall rotates the secret; the old one stops working.
        assertThat(post("/connect/installed", payload(NEW_SECRET, "installed"),
                installToken(INSTALL_KEY, "/connect/installed")).statusCode()).isEqualTo(204);
        assertThat(post("/connect/disabled", payload(NEW_SECRET, "disabled"), secretToken(SECRET, "/connect/disabled"))
                .statusCode()).isEqualTo(401);
        assertThat(sites.workspaceOf(SiteUrl.of("https://e2e.atlassian.net"))).contains(new WorkspaceId("cloud-e2e"));

        // Forge lifecycle, as the ingestion controller will hand it over.
        @SuppressWarnings("unchecked")
        Map<String, Object> installed = (Map<String, Object>) JsonTreeReader.read(
                Files.readAllBytes(Path.of("../application/src/test/resources/fixtures/lifecycle-installed.json")));
        forge.record(ForgeLifecycleReader.read("avi:forge:installed:app", installed, Instant.now()));

        assertThat(get("/v1/installations", null).statusCode()).isEqualTo(401);
        assertThat(get("/v1/installations", "not-the-token-0123456789").statusCode()).isEqualTo(401);
        sentSecrets.add("not-the-token-0123456789");
        HttpResponse<String> list = get("/v1/installations", apiToken);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"clientKey\":\"" + CLIENT + "\"", "\"state\":\"enabled\"",
                "\"installationId\":\"fff8e466-31f4-4c73-a337-c3309dd930dc\"", "\"cloudId\":\"c821c30c");

        // Nothing secret anywhere.
        List<String> secrets = new ArrayList<>(List.of(SECRET, NEW_SECRET, apiToken));
        secrets.addAll(sentSecrets);
        assertThat(sentSecrets).as("the key, a wrong token and every JWT sent").hasSizeGreaterThan(8);
        for (String secret : secrets) {
            assertThat(LOGS.all()).as("logs").doesNotContain(secret);
            assertThat(responses).as("responses").noneMatch(body -> body.contains(secret));
        }
        for (String secret : List.of(SECRET, NEW_SECRET)) {
            for (String suffix : List.of("", "-wal")) {
                Path file = dir.resolve("e2e.db" + suffix);
                if (Files.exists(file)) {
                    assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                            .doesNotContain(secret);
                }
            }
        }
        assertThat(LOGS.all()).contains("connect installed: client " + CLIENT, "connect installed (reinstall)");
    }

    private String payload(String secret, String eventType) {
        return "{\"key\":\"accessgate-app\",\"clientKey\":\"" + CLIENT + "\",\"sharedSecret\":\"" + secret
                + "\",\"baseUrl\":\"https://e2e.atlassian.net\",\"cloudId\":\"cloud-e2e\",\"productType\":\"jira\","
                + "\"eventType\":\"" + eventType + "\"}";
    }

    private static JWTClaimsSet.Builder claims(String path) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(CLIENT).issueTime(Date.from(now)).expirationTime(
                Date.from(now.plusSeconds(120))).claim("qsh", QueryStringHash.of("POST", path, null,
                InstallTokenVerifier.basePathOf(BASE_URL)));
    }

    private static String installToken(RSAKey key, String path) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims(path).audience(BASE_URL).build());
        jwt.sign(new RSASSASigner(key));
        return "JWT " + jwt.serialize();
    }

    private static String secretToken(String secret, String path) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(path).build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return "JWT " + jwt.serialize();
    }

    private HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
            sentSecrets.add(authorization.substring(authorization.indexOf(' ') + 1));
        }
        return send(request.build());
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response.headers().map() + "\n" + response.body());
        return response;
    }

    private static RSAKey rsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("accessgate-e2e");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
