package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import dev.accessgate.adapters.http.security.ConnectJwtVerifier;
import dev.accessgate.adapters.http.security.InstallTokenVerifier;
import dev.accessgate.adapters.http.security.JwksInstallKeys;
import dev.accessgate.adapters.http.security.QueryStringHash;
import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.quicktheories.generators.SourceDSL;

/**
 * Atlassian's own {@code atlassian-jwt} library (run with Node) is the oracle: for many
 * request shapes our canonical request and qsh equal the library's, tokens it signs are
 * accepted, and every variant it would refuse (its decoder, plus exp/iat, aud and qsh checks
 * built on its functions) we refuse too, and nothing more.
 */
@MicronautTest
class AtlassianJwtCrossCheckTest {

    private static final String SECRET = "shared-secret-of-the-client-0123456789";
    private static final String CLIENT = "client-cross-check";
    private static final long NOW = 1_767_323_045L; // 2026-01-02T03:04:05Z, the test server's clock
    private static final int LEEWAY = 30;

    @Inject
    JsonMapper json;
    @Inject
    EmbeddedServer server;

    /** Request shapes that exercise every canonicalisation rule. */
    private static final List<String> SHAPES = List.of(
            "/migration/events", "/migration/events?", "/connect/enabled?b=2&a=1", "/x?a=1&a=3&a=2&a=10",
            "/x?b=%20x&b=+y&a=%2B", "/x?z=%E2%82%AC&y=%F0%9F%98%80&x=%C3%A9", "/x?jwt=abc.def.ghi&user_id=admin",
            "/x?name&empty=&=nokey", "/x?a=%zz&b=100%&c=%4", "/x?A=1&a=2&_=3&~=4&-=5&.=6", "/x?q=*()!'&r=a,b",
            "/x/?a=1", "/x//y/", "/path%2Fwith%20encoding/and&amp", "/", "", "/x?a=1&&b=2", "/x?a=1;b=2",
            "/x?%61=1&a=2", "/x?a=b=c", "/x?a=%252F", "/x?__proto__=1&b=2", "/x?k=%C3", "/x?k=%ff%fe",
            "/app/connect/enabled?x=1", "/application/x", "/x?%E2%82%AC=1&%C3%A9=2&e=3", "/x?a=%2C&a=,",
            "/rest/api/2/project?expand=description,lead&maxResults=50&startAt=0");

    private List<Map<String, Object>> oracle(List<Map<String, Object>> cases) {
        try {
            String out = NodeScript.run("connect-jwt.js", json.writeValueAsString(cases));
            return json.readValue(out.getBytes(StandardCharsets.UTF_8),
                    Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> request(String method, String url, String baseUrl) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("method", method);
        c.put("url", url);
        if (baseUrl != null) {
            c.put("baseUrl", baseUrl);
        }
        c.put("now", NOW);
        c.put("leeway", LEEWAY);
        return c;
    }

    private static String ours(String method, String url, String baseUrl) {
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
        return QueryStringHash.canonicalRequest(method, path, query,
                baseUrl == null ? null : InstallTokenVerifier.basePathOf(baseUrl));
    }

    @Test
    void canonical_requests_and_hashes_equal_the_librarys_for_every_shape() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String url : SHAPES) {
            for (String method : List.of("get", "POST")) {
                cases.add(request(method, url, null));
                cases.add(request(method, url, "https://gateway.example.com/app/"));
            }
        }
        List<Map<String, Object>> results = oracle(cases);

        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            String method = (String) c.get("method");
            String url = (String) c.get("url");
            String baseUrl = (String) c.get("baseUrl");
            assertThat(ours(method, url, baseUrl)).as("%s %s (base %s)", method, url, baseUrl)
                    .isEqualTo(results.get(i).get("canonical"));
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
            assertThat(QueryStringHash.of(method, path, query,
                    baseUrl == null ? null : InstallTokenVerifier.basePathOf(baseUrl)))
                    .isEqualTo(results.get(i).get("qsh"));
        }
    }

    @Test
    void canonical_requests_equal_the_librarys_for_generated_urls() {
        Gen<String> piece = Generate.pick(List.of("a", "B", "b", "z", "_", "~", "-", ".", "%20", "+", "%2B", "%", "%2",
                "%zz", "=", ",", "%2C", ";", "*", "'", "(", ")", "!", "%E2%82%AC", "%C3", "%F0%9F%98%80", "jwt", "1",
                "10", "é", "&", "&&", "[]", "/", "%2F", "\\", "{", "|", "^", "`", "\"", "<"));
        Gen<String> text = SourceDSL.lists().of(piece).ofSizeBetween(0, 6).map(p -> String.join("", p));
        Gen<String> urls = text.zip(SourceDSL.lists().of(text).ofSizeBetween(0, 6), Generate.booleans(),
                (path, params, withQuery) -> "/" + path + (withQuery ? "?" + String.join("&", params) : ""));
        List<String> generated = new ArrayList<>();
        qt().withExamples(400).forAll(urls).checkAssert(generated::add);
        List<Map<String, Object>> cases = generated.stream().map(u -> request("get", u, null)).toList();

        List<Map<String, Object>> results = oracle(cases);

        for (int i = 0; i < cases.size(); i++) {
            assertThat(ours("get", generated.get(i), null)).as(generated.get(i))
                    .isEqualTo(results.get(i).get("canonical"));
        }
    }

    /** One signed variant of a request: what is changed, and how the token is made. */
    private record Variant(String name, Map<String, Object> sign) {
    }

    private static Map<String, Object> claims(long iat, long exp) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", CLIENT);
        claims.put("iat", iat);
        claims.put("exp", exp);
        return claims;
    }

    private static Map<String, Object> hs(String secret, Map<String, Object> claims, Object... more) {
        Map<String, Object> sign = new LinkedHashMap<>();
        sign.put("secret", secret);
        sign.put("claims", claims);
        for (int i = 0; i < more.length; i += 2) {
            sign.put((String) more[i], more[i + 1]);
        }
        return sign;
    }

    @Test
    void shared_secret_tokens_are_accepted_and_refused_exactly_as_the_library_decides() {
        String url = "/migration/events?b=2&a=1&a=0";
        List<Variant> variants = List.of(
                new Variant("valid", hs(SECRET, claims(NOW - 10, NOW + 170))),
                new Variant("expired", hs(SECRET, claims(NOW - 240, NOW - 60))),
                new Variant("expired within the leeway", hs(SECRET, claims(NOW - 200, NOW - 10))),
                new Variant("issued in the future", hs(SECRET, claims(NOW + 120, NOW + 300))),
                new Variant("issued just ahead, within the leeway", hs(SECRET, claims(NOW + 10, NOW + 300))),
                new Variant("qsh of another query", hs(SECRET, claims(NOW, NOW + 60), "url", "/migration/events?a=1")),
                new Variant("qsh of another path", hs(SECRET, claims(NOW, NOW + 60), "url", "/migration/other?b=2&a=1&a=0")),
                new Variant("qsh of another method", hs(SECRET, claims(NOW, NOW + 60), "method", "GET")),
                new Variant("wrong secret", hs("another-secret-of-at-least-32-bytes!!", claims(NOW, NOW + 60))),
                new Variant("alg none", hs(SECRET, claims(NOW, NOW + 60), "alg", "none")),
                new Variant("HS512", hs(SECRET, claims(NOW, NOW + 60), "alg", "HS512")),
                new Variant("tampered exp", hs(SECRET, claims(NOW - 240, NOW - 60), "tamper", Map.of("exp", NOW + 600))),
                new Variant("tampered qsh", hs(SECRET, claims(NOW, NOW + 60), "tamper", Map.of("qsh", "0".repeat(64)))),
                new Variant("no exp", hs(SECRET, Map.of("iss", CLIENT, "iat", NOW))));
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Variant variant : variants) {
            Map<String, Object> c = request("POST", url, null);
            c.put("sign", variant.sign());
            c.put("verify", Map.of("secret", SECRET));
            cases.add(c);
        }
        ConnectJwtVerifier verifier = new ConnectJwtVerifier(clientKey -> clientKey.equals(CLIENT)
                ? Optional.of(client()) : Optional.empty(), clockAt(NOW), Duration.ofSeconds(LEEWAY), "");

        List<Map<String, Object>> results = oracle(cases);

        for (int i = 0; i < variants.size(); i++) {
            String token = (String) results.get(i).get("token");
            ConnectJwtVerifier.Result ours = verifier.verify("POST", "/migration/events", "b=2&a=1&a=0", "JWT " + token);
            boolean libraryAccepts = (Boolean) results.get(i).get("accepted");
            assertThat(ours instanceof ConnectJwtVerifier.Result.Verified)
                    .as("%s: library says %s (%s), we say %s", variants.get(i).name(), libraryAccepts,
                            results.get(i).get("reason"), ours)
                    .isEqualTo(libraryAccepts);
        }
        assertThat(results).extracting(r -> r.get("accepted"))
                .containsExactly(true, false, true, false, true, false, false, false, false, false, false, false,
                        false, false);
    }

    @Test
    void every_request_shape_signed_by_the_library_is_accepted() {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String url : SHAPES) {
            Map<String, Object> c = request("put", url.isEmpty() ? "/" : url, null);
            c.put("sign", hs(SECRET, claims(NOW, NOW + 180)));
            cases.add(c);
        }
        ConnectJwtVerifier verifier = new ConnectJwtVerifier(k -> Optional.of(client()), clockAt(NOW),
                Duration.ofSeconds(LEEWAY), "");

        List<Map<String, Object>> results = oracle(cases);

        for (int i = 0; i < cases.size(); i++) {
            String url = (String) cases.get(i).get("url");
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : null;
            assertThat(verifier.verify("PUT", path, query, "JWT " + results.get(i).get("token")))
                    .as(url).isInstanceOf(ConnectJwtVerifier.Result.Verified.class);
        }
    }

    @Test
    void install_tokens_are_accepted_and_refused_exactly_as_the_library_decides() {
        String url = "/connect/installed";
        Map<String, Object> installClaims = claims(NOW, NOW + 60);
        installClaims.put("aud", List.of(SecurityTestBeans.BASE_URL));
        Map<String, Object> otherAud = new LinkedHashMap<>(installClaims);
        otherAud.put("aud", List.of("https://evil.example.com"));
        Map<String, Object> expired = new LinkedHashMap<>(installClaims);
        expired.put("iat", NOW - 600);
        expired.put("exp", NOW - 300);
        List<Variant> variants = List.of(
                new Variant("valid", rs(TestKeys.INSTALL, installClaims)),
                new Variant("aud with a trailing slash", rs(TestKeys.INSTALL, withAud(installClaims,
                        SecurityTestBeans.BASE_URL + "/"))),
                new Variant("another audience", rs(TestKeys.INSTALL, otherAud)),
                new Variant("expired", rs(TestKeys.INSTALL, expired)),
                new Variant("a stranger's key with the same kid", rs(TestKeys.STRANGER, installClaims)),
                new Variant("qsh of another path", withEntry(rs(TestKeys.INSTALL, installClaims), "url",
                        "/connect/uninstalled")),
                new Variant("tampered iss", withEntry(rs(TestKeys.INSTALL, installClaims), "tamper",
                        Map.of("iss", "someone-else"))));
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Variant variant : variants) {
            Map<String, Object> c = request("POST", url, SecurityTestBeans.BASE_URL);
            c.put("sign", variant.sign());
            c.put("verify", Map.of("publicKeyPem", TestKeys.publicPem(TestKeys.INSTALL), "aud",
                    SecurityTestBeans.BASE_URL));
            cases.add(c);
        }
        InstallTokenVerifier verifier = new InstallTokenVerifier(new JwksInstallKeys(TestKeys.jwks(TestKeys.INSTALL)),
                SecurityTestBeans.BASE_URL, clockAt(NOW), Duration.ofSeconds(LEEWAY));

        List<Map<String, Object>> results = oracle(cases);

        for (int i = 0; i < variants.size(); i++) {
            InstallTokenVerifier.Result ours = verifier.verify("POST", url, null, "JWT " + results.get(i).get("token"));
            assertThat(ours instanceof InstallTokenVerifier.Result.Verified)
                    .as("%s: library %s (%s), we %s", variants.get(i).name(), results.get(i).get("accepted"),
                            results.get(i).get("reason"), ours)
                    .isEqualTo(results.get(i).get("accepted"));
        }
        assertThat(results).extracting(r -> r.get("accepted"))
                .containsExactly(true, true, false, false, false, false, false);
        assertThat(verifier.verify("POST", url, null, "JWT " + results.get(0).get("token")))
                .isEqualTo(new InstallTokenVerifier.Result.Verified(CLIENT));
    }

    /** A callback URL with a query that needs canonicalising: the server must hash the raw request. */
    private static final String ENABLED = "/connect/enabled?user_id=a%20b&b=2&a=1&a=%2B&jwt=x";

    @Test
    void through_the_server_a_request_signed_by_the_library_is_accepted_and_its_tampered_variants_are_not() {
        String client = "client-e2e-" + System.nanoTime();
        Map<String, Object> installClaims = claims(NOW, NOW + 60);
        installClaims.put("iss", client);
        installClaims.put("aud", List.of(SecurityTestBeans.BASE_URL));
        Map<String, Object> install = request("POST", "/connect/installed", SecurityTestBeans.BASE_URL);
        install.put("sign", rs(TestKeys.INSTALL, installClaims));
        Map<String, Object> enabledClaims = claims(NOW, NOW + 60);
        enabledClaims.put("iss", client);
        List<Map<String, Object>> cases = new ArrayList<>(List.of(install));
        for (Map<String, Object> sign : List.of(hs(SECRET, enabledClaims),
                hs(SECRET, enabledClaims, "tamper", Map.of("exp", NOW + 9999)),
                hs(SECRET, enabledClaims, "alg", "none"),
                hs(SECRET, enabledClaims, "url", "/connect/enabled?user_id=a%20b&b=2&a=1"),
                hs("another-secret-of-at-least-32-bytes!!", enabledClaims))) {
            Map<String, Object> c = request("POST", ENABLED, SecurityTestBeans.BASE_URL);
            c.put("sign", sign);
            cases.add(c);
        }
        List<Map<String, Object>> tokens = oracle(cases);
        HttpDriver http = new HttpDriver(server.getURL(), json);
        String body = "{\"key\":\"app\",\"clientKey\":\"" + client + "\",\"sharedSecret\":\"" + SECRET
                + "\",\"baseUrl\":\"https://e2e.atlassian.net\",\"eventType\":\"installed\"}";
        String state = "{\"key\":\"app\",\"clientKey\":\"" + client + "\",\"baseUrl\":\"https://e2e.atlassian.net\"}";

        assertThat(http.post("/connect/installed", "application/json", bytes(body), "Authorization",
                "JWT " + tokens.get(0).get("token")).status()).isEqualTo(204);
        for (int i = 2; i < tokens.size(); i++) {
            HttpDriver.Reply refused = http.post(ENABLED, "application/json", bytes(state), "Authorization",
                    "JWT " + tokens.get(i).get("token"));
            assertThat(refused.status()).as("variant %d", i).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.post(ENABLED, "application/json", bytes(state), "Authorization",
                "JWT " + tokens.get(1).get("token")).status()).isEqualTo(204);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> rs(com.nimbusds.jose.jwk.RSAKey key, Map<String, Object> claims) {
        Map<String, Object> sign = new LinkedHashMap<>();
        sign.put("privateKeyPem", TestKeys.privatePem(key));
        sign.put("kid", key.getKeyID());
        sign.put("claims", claims);
        return sign;
    }

    private static Map<String, Object> withAud(Map<String, Object> claims, String aud) {
        Map<String, Object> copy = new LinkedHashMap<>(claims);
        copy.put("aud", List.of(aud));
        return copy;
    }

    private static Map<String, Object> withEntry(Map<String, Object> sign, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(sign);
        copy.put(key, value);
        return copy;
    }

    private static ConnectClient client() {
        Instant at = Instant.ofEpochSecond(NOW);
        return new ConnectClient(new ConnectInstallation(CLIENT, "app", SiteUrl.of("https://x.atlassian.net"),
                Optional.empty(), ConnectState.ENABLED, Map.of(), at, at), new SharedSecret(SECRET), 1);
    }

    private static Clock clockAt(long epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
    }
}
