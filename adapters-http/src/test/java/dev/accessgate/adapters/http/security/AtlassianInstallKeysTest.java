package dev.accessgate.adapters.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.accessgate.adapters.http.TestKeys;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production key source against a fake key server on the loopback interface (no network). */
class AtlassianInstallKeysTest {

    private HttpServer server;
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private volatile boolean slow;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requested.add(exchange.getRequestURI().getPath());
            if (slow) {
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean known = exchange.getRequestURI().getPath().equals("/install-key-1");
            byte[] body = (known ? TestKeys.publicPem(TestKeys.INSTALL) : "not found").getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AtlassianInstallKeys keys(Duration timeout) {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new AtlassianInstallKeys(base, timeout, Duration.ofHours(1),
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void a_published_key_is_fetched_once_and_then_served_from_the_cache() throws Exception {
        AtlassianInstallKeys keys = keys(Duration.ofSeconds(5));

        assertThat(keys.find("install-key-1")).contains(TestKeys.INSTALL.toRSAPublicKey());
        assertThat(keys.find("install-key-1")).contains(TestKeys.INSTALL.toRSAPublicKey());

        assertThat(requested).containsExactly("/install-key-1");
    }

    @Test
    void an_unknown_key_is_empty_and_is_asked_again_next_time() {
        AtlassianInstallKeys keys = keys(Duration.ofSeconds(5));

        assertThat(keys.find("nope")).isEmpty();
        assertThat(keys.find("nope")).isEmpty();

        assertThat(requested).containsExactly("/nope", "/nope");
    }

    @Test
    void key_ids_that_could_steer_the_request_are_not_fetched() {
        AtlassianInstallKeys keys = keys(Duration.ofSeconds(5));

        for (String kid : new String[] {"../admin", "a/b", "a?b", ".hidden", "", "x".repeat(200), "a..b"}) {
            assertThat(keys.find(kid)).isEmpty();
        }
        assertThat(keys.find(null)).isEmpty();
        assertThat(requested).isEmpty();
    }

    @Test
    void a_slow_key_server_is_given_up_on_after_the_timeout() {
        slow = true;
        long start = System.nanoTime();

        assertThat(keys(Duration.ofMillis(300)).find("install-key-1")).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_900));
    }
}
