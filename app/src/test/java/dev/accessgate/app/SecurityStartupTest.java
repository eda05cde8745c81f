package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relaxed settings are announced at start-up; bad ones stop the service without echoing secrets. */
class SecurityStartupTest {

    private static final LogCapture LOGS = LogCapture.start();

    @TempDir
    Path dir;

    private Map<String, Object> settings(Object... pairs) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("accessgate.db", dir.resolve("s.db").toString());
        settings.put("micronaut.server.port", -1);
        for (int i = 0; i < pairs.length; i += 2) {
            settings.put((String) pairs[i], pairs[i + 1]);
        }
        return settings;
    }

    @Test
    void switched_off_api_auth_and_unsigned_installs_are_warned_about_and_take_effect() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, settings(
                "accessgate.security.api-auth-disabled", true,
                "accessgate.connect.allow-unsigned-installs", true))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.getURL() + "/v1/workspaces")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(LOGS.lines()).anyMatch(l -> l.startsWith("WARN") && l.contains("ACCESSGATE_API_AUTH_DISABLED"))
                .anyMatch(l -> l.startsWith("WARN") && l.contains("ACCESSGATE_CONNECT_ALLOW_UNSIGNED_INSTALLS"))
                .anyMatch(l -> l.startsWith("WARN") && l.contains("ACCESSGATE_SECRET_KEY is not set"));
        assertThat(Files.exists(dir.resolve("accessgate.token"))).isFalse();
    }

    @Test
    void a_configured_token_is_used_and_a_generated_one_is_kept_across_restarts() throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.security.api-token", "configured-token-0123456789"))) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(server.getURL() + "/v1/workspaces"))
                    .header("Authorization", "Bearer configured-token-0123456789").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(dir.resolve("accessgate.token"))).isFalse();

        ApiTokenFile.Token first = ApiTokenFile.readOrCreate(dir.resolve("accessgate.token"));
        ApiTokenFile.Token again = ApiTokenFile.readOrCreate(dir.resolve("accessgate.token"));
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.value()).isEqualTo(first.value()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(first.toString()).doesNotContain(first.value());
    }

    @Test
    void bad_security_settings_stop_the_service_without_quoting_the_secret() {
        String badKey = "c2hvcnQta2V5LXRoYXQtaXMtbm90LWFlcw==";
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.security.secret-key", badKey)).close())
                .hasStackTraceContaining("ACCESSGATE_SECRET_KEY").satisfies(e ->
                        assertThat(stackTrace(e)).doesNotContain(badKey));
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.security.api-token", "short")).close())
                .hasStackTraceContaining("ACCESSGATE_API_TOKEN");
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.forge.app-id", "ari:cloud:ecosystem::app/x")).close())
                .hasStackTraceContaining("ACCESSGATE_FORGE_JWKS");
        assertThatThrownBy(() -> ApplicationContext.run(EmbeddedServer.class,
                settings("accessgate.base-url", "not a url")).close())
                .hasStackTraceContaining("ACCESSGATE_BASE_URL");
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter out = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
