package dev.accessgate.adapters.http.handler;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.json.JsonTreeWriter;
import dev.accessgate.application.model.DeliveryId;
import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.application.port.out.EventHandler;
import dev.accessgate.application.testkit.DeliveryChannelContractTest;
import dev.accessgate.domain.delivery.RetryContext;
import dev.accessgate.domain.delivery.RetryData;
import dev.accessgate.domain.delivery.RetryOptions;
import dev.accessgate.domain.delivery.RetryReason;
import dev.accessgate.domain.policy.EventId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;

/**
 * The delivery channel contract for {@link HttpDeliveryChannel}: the handler sits behind a local
 * HTTP server that speaks the handler side of SPEC 3.1 as a Forge remote would, reading the
 * event (and its {@code retryContext}) from the body and the ids from the headers, and answering
 * success with 200, a retry with {@code @forge/events}' InvocationError JSON, a permanent failure
 * with 400 and a thrown exception with 500.
 */
class HttpDeliveryChannelContractTest extends DeliveryChannelContractTest {

    /** Where {@link RetryOptions#of} noted the handler's own retryAfter before clamping it. */
    private static final Pattern RAW_RETRY_AFTER = Pattern.compile("^retryAfter '([^']+)' changed");

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<ExecutorService> executors = new ArrayList<>();

    @Override
    protected DeliveryChannel channelTo(EventHandler handler, Duration timeout) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ExecutorService executor = Executors.newCachedThreadPool();
            server.setExecutor(executor);
            server.createContext("/handler", exchange -> answer(handler, exchange));
            server.start();
            servers.add(server);
            executors.add(executor);
            URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/handler");
            return new HttpDeliveryChannel(HttpDeliveryChannel.newClient(), url, timeout);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the handler server", e);
        }
    }

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
        executors.forEach(ExecutorService::shutdownNow);
    }

    private static void answer(EventHandler handler, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            EventHandler.Result result;
            try {
                result = handler.handle(event(exchange, body));
            } catch (RuntimeException e) {
                send(exchange, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                return;
            }
            if (result instanceof EventHandler.Result.Success) {
                send(exchange, 200, "{}");
            } else if (result instanceof EventHandler.Result.Retry retry) {
                send(exchange, 200, invocationError(retry.options()));
            } else if (result instanceof EventHandler.Result.PermanentFailure failure) {
                send(exchange, 400, failure.detail());
            }
        }
    }

    /** The event as the handler sees it: the body without our retryContext member, ids from headers. */
    private static EventHandler.Event event(HttpExchange exchange, byte[] body) {
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = new LinkedHashMap<>((Map<String, Object>) JsonTreeReader.read(body));
        Object context = tree.remove("retryContext");
        return new EventHandler.Event(
                new DeliveryId(exchange.getRequestHeaders().getFirst("X-AccessGate-Delivery-Id")),
                new EventId(exchange.getRequestHeaders().getFirst("X-AccessGate-Event-Id")),
                String.valueOf(tree.get("type")),
                exchange.getRequestHeaders().getFirst("X-AccessGate-Subscription"),
                JsonTreeWriter.write(tree),
                Optional.ofNullable(context).map(c -> retryContext((Map<?, ?>) c)));
    }

    private static RetryContext retryContext(Map<?, ?> context) {
        Object data = context.get("retryData");
        return new RetryContext(((Number) context.get("retryCount")).intValue(),
                RetryReason.valueOf((String) context.get("retryReason")),
                Optional.ofNullable(data).map(d -> new RetryData(JsonTreeWriter.write(d))));
    }

    /** What {@code new InvocationError({retryAfter, retryReason, retryData})} answers, with the handler's raw values. */
    private static String invocationError(RetryOptions options) {
        String retryAfter = String.valueOf(options.retryAfterSeconds());
        for (String note : options.notes()) {
            Matcher raw = RAW_RETRY_AFTER.matcher(note);
            if (raw.find()) {
                retryAfter = raw.group(1);
            }
        }
        StringBuilder json = new StringBuilder("{\"_retry\":true,\"retryOptions\":{\"retryAfter\":").append(retryAfter)
                .append(",\"retryReason\":\"").append(options.reason().name()).append('"');
        options.retryData().ifPresent(data -> json.append(",\"retryData\":").append(data.json()));
        return json.append("}}").toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // The channel gave up (the timeout case): nobody reads the answer.
        }
    }
}
