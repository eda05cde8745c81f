package dev.accessgate.adapters.http.handler;

import dev.accessgate.application.port.out.DeliveryChannel;
import dev.accessgate.domain.delivery.AttemptResult;
import dev.accessgate.domain.delivery.FailureKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A subscription's HTTP handler (the sidecar case): each attempt POSTs the event JSON, with
 * {@code retryContext} added on retries, and maps the answer as SPEC 3.1 says. The timeout
 * covers the whole exchange, body included. Redirects are not followed (a 3xx is an unknown
 * error, retried). At most {@link #MAX_RESPONSE_BYTES} of the answer are read.
 */
public final class HttpDeliveryChannel implements DeliveryChannel {

    /** Answers longer than this are cut; an InvocationError is far smaller. */
    public static final int MAX_RESPONSE_BYTES = 1 << 20;

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;

    public HttpDeliveryChannel(HttpClient client, URI url, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** The client all HTTP handlers share: HTTP/1.1, no redirects, connection timeout of 10 s at most. */
    public static HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    public AttemptResult deliver(Invocation invocation) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "accessgate")
                .header("X-AccessGate-Delivery-Id", invocation.deliveryId().value())
                .header("X-AccessGate-Event-Id", invocation.eventId().value())
                .header("X-AccessGate-Subscription", invocation.subscription())
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        HandlerRequestBody.of(invocation.eventJson(), invocation.retryContext())))
                .build();
        CompletableFuture<HttpResponse<LimitedBody.Bytes>> exchange =
                client.sendAsync(request, info -> new LimitedBody(MAX_RESPONSE_BYTES));
        try {
            HttpResponse<LimitedBody.Bytes> response = exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return HandlerAnswer.read(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            exchange.cancel(true);
            return timedOut();
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            return new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, "interrupted: accessgate is stopping");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                return timedOut();
            }
            String what = cause instanceof IOException ? "connection failed: " : "request failed: ";
            return new AttemptResult.Failed(FailureKind.UNKNOWN_ERROR, what + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()));
        }
    }

    private AttemptResult timedOut() {
        return new AttemptResult.Failed(FailureKind.TIMED_OUT, "no answer within " + timeout.toMillis() + " ms");
    }
}
