package dev.accessgate.adapters.http;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Raw HTTP against the embedded server: exact bytes and headers out, status and body in. */
public final class HttpDriver {

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private final JsonMapper json;
    private final String[] defaultHeaders;

    public HttpDriver(URL base, JsonMapper json) {
        this(URI.create(base.toString()), json, new String[0]);
    }

    private HttpDriver(URI base, JsonMapper json, String[] defaultHeaders) {
        this.base = base;
        this.json = json;
        this.defaultHeaders = defaultHeaders;
    }

    /** This driver sending {@code Authorization: Bearer <token>} with every request (the /v1 API needs it). */
    public HttpDriver withBearer(String token) {
        return new HttpDriver(base, json, new String[] {"Authorization", "Bearer " + token});
    }

    /** A response with its body as text and, when it is JSON, as a map. */
    public record Reply(int status, String contentType, String body, Map<String, Object> json,
                        HttpResponse<String> raw) {
    }

    public Reply post(String path, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Reply post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Reply get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Reply send(HttpRequest request) {
        if (defaultHeaders.length > 0 && request.headers().firstValue(defaultHeaders[0]).isEmpty()) {
            HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
            for (int i = 0; i < defaultHeaders.length; i += 2) {
                copy.header(defaultHeaders[i], defaultHeaders[i + 1]);
            }
            request = copy.build();
        }
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            Map<String, Object> parsed = type.contains("json") && !response.body().isEmpty()
                    ? json.readValue(response.body(), io.micronaut.core.type.Argument.mapOf(String.class, Object.class))
                    : null;
            return new Reply(response.statusCode(), type, response.body(), parsed, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
