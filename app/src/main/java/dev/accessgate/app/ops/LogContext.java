package dev.accessgate.app.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.port.out.ObservationScope;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.MDC;

/**
 * The log context (SLF4J MDC) of the event or delivery a thread is handling: every line logged
 * meanwhile carries these keys (the JSON log format as fields, the text format in braces).
 * Ids and names only, never payloads or secrets.
 */
public final class LogContext {

    public static final String EVENT_ID = "eventId";
    public static final String WORKSPACE = "workspace";
    public static final String DELIVERY_ID = "deliveryId";
    public static final String SUBSCRIPTION = "subscription";

    private static final JsonFactory JSON = new JsonFactory();
    /** Enough to pass the attributes of any event before its data; a cloudId further in is not looked for. */
    private static final int MAX_TOKENS = 10_000;

    private LogContext() {
    }

    /**
     * Puts {@code values} (null values skipped) into the MDC; closing restores what was there
     * before, so scopes nest and a pooled thread keeps nothing.
     */
    public static ObservationScope open(Map<String, String> values) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        values.forEach((key, value) -> {
            if (value != null) {
                MDC.put(key, value);
            }
        });
        return () -> restore(before);
    }

    /** The keys of a delivery attempt. */
    public static ObservationScope delivery(String deliveryId, String eventId, String subscription,
                                            Optional<String> workspace) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EVENT_ID, eventId);
        values.put(WORKSPACE, workspace.orElse(null));
        values.put(DELIVERY_ID, deliveryId);
        values.put(SUBSCRIPTION, subscription);
        return open(values);
    }

    /** The workspace of an event: its policy event's, else the first {@code cloudId} in its JSON. */
    public static Optional<String> workspaceOf(Processing processing, String eventJson) {
        if (processing instanceof Processing.Applied applied) {
            return Optional.of(applied.event().workspace().cloudId());
        }
        return workspaceOf(eventJson);
    }

    /** The first {@code cloudId} string in the event's JSON (a v2 workspace, a Forge context), if any. */
    public static Optional<String> workspaceOf(String eventJson) {
        try (JsonParser parser = JSON.createParser(eventJson)) {
            for (int tokens = 0; tokens < MAX_TOKENS; tokens++) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return Optional.empty();
                }
                if (token == JsonToken.FIELD_NAME && "cloudId".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING) {
                    return Optional.of(parser.getText());
                }
            }
        } catch (IOException e) {
            // Not JSON: no workspace to name.
        }
        return Optional.empty();
    }

    /** An executor whose tasks run in the log context of the thread that submitted them. */
    public static ExecutorService propagating(ExecutorService executor) {
        return new ContextExecutor(executor);
    }

    private static Runnable carry(Runnable task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return () -> {
            try (ObservationScope scope = open(context == null ? Map.of() : context)) {
                task.run();
            }
        };
    }

    private static void restore(Map<String, String> before) {
        if (before == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(before);
        }
    }

    /** Wraps every task it runs; {@link AbstractExecutorService} builds submit and the rest on execute. */
    private static final class ContextExecutor extends AbstractExecutorService {

        private final ExecutorService delegate;

        ContextExecutor(ExecutorService delegate) {
            this.delegate = delegate;
        }

        @Override
        public void execute(Runnable command) {
            delegate.execute(carry(command));
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }
    }
}
