package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.port.out.EventHandler;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.test.support.TestPropertyProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ingest never waits for a handler: with one worker, busy with an in-process handler that
 * sleeps for 30 seconds, new events are still acknowledged while that handler runs.
 */
@MicronautTest(environments = "latency")
@Property(name = "accessgate.deliveries.concurrency", value = "1")
@Property(name = "accessgate.subscriptions[0].name", value = "sleepy")
@Property(name = "accessgate.subscriptions[0].events[0]", value = "avi:jira:*")
@Property(name = "accessgate.subscriptions[0].handler.bean", value = "sleepy")
@Property(name = "accessgate.subscriptions[0].handler.timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestLatencyTest implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        try {
            return Map.of("accessgate.db", Files.createTempDirectory("accessgate-latency").resolve("a.db").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An in-process handler that sleeps 30 s (or until released) on every event. */
    @Singleton
    @Named("sleepy")
    @Requires(env = "latency")
    static final class SleepyHandler implements EventHandler {
        static final CountDownLatch ENTERED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);
        static final AtomicBoolean RUNNING = new AtomicBoolean();

        @Override
        public Result handle(Event event) {
            RUNNING.set(true);
            ENTERED.countDown();
            try {
                RELEASE.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                RUNNING.set(false);
            }
            return Result.success();
        }
    }

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    @Test
    void events_are_acknowledged_while_a_handler_sleeps() throws Exception {
        Http http = new Http("http://127.0.0.1:" + server.getPort(), json);
        try {
            assertThat(http.event("latency-1-" + System.nanoTime(), "avi:jira:created:issue").status()).isEqualTo(200);
            assertThat(SleepyHandler.ENTERED.await(10, TimeUnit.SECONDS)).as("the handler started").isTrue();

            for (int i = 0; i < 3; i++) {
                Http.Reply reply = http.event("latency-next-" + i + "-" + System.nanoTime(), "avi:jira:updated:issue");
                assertThat(reply.status()).isEqualTo(200);
                assertThat(reply.json()).containsEntry("status", "stored");
                assertThat(SleepyHandler.RUNNING.get()).as("the handler was still sleeping when ingest answered")
                        .isTrue();
                assertThat(SleepyHandler.RELEASE.getCount()).isEqualTo(1);
            }
            assertThat(http.deliveries("state=pending&limit=1000")).hasSizeGreaterThanOrEqualTo(4);
        } finally {
            SleepyHandler.RELEASE.countDown();
        }
        assertThat(Http.eventually(20, () -> http.deliveries("state=pending&limit=1000").isEmpty())).isTrue();
    }
}
