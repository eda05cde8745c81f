package dev.accessgate.adapters.http.dashboard;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Serves the dashboard: a fixed list of static files from the classpath folder {@code dashboard/}
 * (no path from the request ever reaches the class loader), each with a strict
 * Content-Security-Policy: scripts only from here, no inline script or style, no framing. The
 * files hold no data: the page asks for the API token and calls {@code /v1} with it.
 */
@Controller("/dashboard")
final class DashboardController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private static final String HTML = "text/html; charset=utf-8";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String SVG = "image/svg+xml";

    /** File name to content type: everything the dashboard consists of. */
    static final Map<String, String> FILES = Map.of(
            "index.html", HTML,
            "dashboard.css", CSS,
            "main.js", JS,
            "api.js", JS,
            "dom.js", JS,
            "views.js", JS,
            "favicon.svg", SVG);

    private final Map<String, byte[]> contents;

    DashboardController() {
        this.contents = Map.copyOf(FILES.keySet().stream().collect(
                java.util.stream.Collectors.toMap(name -> name, DashboardController::load)));
    }

    private static byte[] load(String name) {
        try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream("dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the build: dashboard/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code /dashboard} becomes {@code /dashboard/}, so the page's relative links work behind a path prefix too. */
    @Get
    HttpResponse<?> index(HttpRequest<?> request) {
        if (!request.getPath().endsWith("/")) {
            return secured(HttpResponse.status(HttpStatus.PERMANENT_REDIRECT)
                    .header("Location", "dashboard/"));
        }
        return file("index.html");
    }

    @Get("/{name}")
    HttpResponse<?> file(String name) {
        byte[] body = contents.get(name);
        if (body == null) {
            return secured(HttpResponse.notFound());
        }
        return secured(HttpResponse.ok(body).contentType(FILES.get(name)));
    }

    private static MutableHttpResponse<?> secured(MutableHttpResponse<?> response) {
        return response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Cross-Origin-Opener-Policy", "same-origin")
                // Small files that change with the jar: always revalidate, never serve a stale script.
                .header("Cache-Control", "no-cache");
    }
}
