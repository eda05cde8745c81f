package dev.accessgate.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code check <cloudId> <product> <type> <id>}: is this object blocked? Prints the answer of
 * {@code GET /v1/workspaces/{cloudId}/objects/{product}/{type}/{id}} and exits 0 when it is not
 * blocked, 1 when it is, 2 when there is no answer (bad arguments, refused, unreachable).
 */
final class Check {

    static final String USAGE = "check <cloudId> <product> <type> <id> [--url http://127.0.0.1:8080] [--token T]";

    static final int NOT_BLOCKED = 0;
    static final int BLOCKED = 1;
    static final int NO_ANSWER = 2;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    Check(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    int run(String[] args) {
        if (args.length < 5) {
            err.println("usage: java -jar accessgate.jar " + USAGE);
            return NO_ANSWER;
        }
        Flags flags;
        try {
            flags = Flags.parse(args, 5, Set.of("url", "token"));
        } catch (IllegalArgumentException e) {
            err.println("check: " + e.getMessage());
            return NO_ANSWER;
        }
        String path = "/v1/workspaces/" + segment(args[1]) + "/objects/" + segment(args[2]) + "/" + segment(args[3])
                + "/" + segment(args[4]);
        String token = flags.get("token", env.getOrDefault("ACCESSGATE_API_TOKEN", ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(flags.get("url", "http://127.0.0.1:8080"))
                .resolve(path)).timeout(Duration.ofSeconds(30)).GET();
        if (!token.isEmpty()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            err.println("check: no answer from " + flags.get("url", "http://127.0.0.1:8080") + ": " + e);
            return NO_ANSWER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NO_ANSWER;
        }
        if (response.statusCode() != 200) {
            err.println("check: HTTP " + response.statusCode() + " " + response.body());
            return NO_ANSWER;
        }
        out.println(response.body());
        // The body is {"blocked": true|false, ...}; the service writes it without spaces.
        return response.body().contains("\"blocked\":true") ? BLOCKED : NOT_BLOCKED;
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
