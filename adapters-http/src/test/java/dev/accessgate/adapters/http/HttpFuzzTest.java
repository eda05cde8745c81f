package dev.accessgate.adapters.http;

import dev.accessgate.adapters.http.fuzz.FuzzRun;
import dev.accessgate.adapters.http.fuzz.IngestSeeds;
import dev.accessgate.adapters.http.fuzz.JsonMutator;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.testkit.InMemoryInstallationStore;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The fuzzing slice over the real HTTP server: hostile requests to POST /events in every
 * content mode and to the query API, through Micronaut and the in-memory stores. Every answer
 * must be 2xx or 4xx, a 4xx must be problem+json with its status, and a refused event must
 * leave the stored events, the ledger and the Forge installations exactly as they were.
 */
@MicronautTest
class HttpFuzzTest extends HttpTest {

    private static final int SLICE = 4_000;

    @Inject
    InMemoryPolicyStore store;
    @Inject
    InMemoryInstallationStore installations;

    /** What a refused request must not change. */
    private record State(List<StoredEvent> events, Object ledger, long unprocessed, Object installations) {
    }

    private State state() {
        List<StoredEvent> events = new ArrayList<>();
        Optional<Long> after = Optional.empty();
        do {
            EventPage page = store.list(new EventQuery(Optional.empty(), after, EventQuery.MAX_LIMIT));
            events.addAll(page.events());
            after = page.next();
        } while (after.isPresent());
        return new State(events, store.workspaces(), store.countUnprocessed(), installations.forgeInstallations());
    }

    @Test
    void hostile_requests_get_2xx_or_a_4xx_problem_and_refused_ones_change_nothing() {
        FuzzRun run = new FuzzRun("http", 9_005L, SLICE);
        JsonMutator structured = new JsonMutator(run.seed(), IngestSeeds.structured());
        JsonMutator plain = new JsonMutator(run.seed() + 1, IngestSeeds.plain());
        JsonMutator data = new JsonMutator(run.seed() + 2, IngestSeeds.data());
        State before = state();
        int previous = 0;
        for (int i = 0; i < run.inputs(); i++) {
            Request request = switch (i % 10) {
                case 0, 1, 2, 3 -> new Request("/events", structured.chance(8)
                        ? "Application/CloudEvents+JSON; charset=utf-8" : "application/cloudevents+json",
                        structured.next(), List.of());
                case 4, 5 -> binary(data);
                case 6, 7 -> new Request("/events" + (plain.chance(2) ? "" : "?type=" + encode(plain.string())),
                        "application/json", plain.next(), List.of());
                default -> query(structured);
            };
            HttpDriver.Reply reply;
            try {
                reply = send(request);
            } catch (java.io.UncheckedIOException dropped) {
                // The JDK client sometimes reuses a keep-alive connection the server has just
                // closed (after refusing a body it did not read) and does not resend a POST.
                // Resend once on a fresh connection; a second failure is a crash.
                run.note("resent after a dropped connection (previous answer " + previous + ")");
                try {
                    reply = send(request);
                } catch (RuntimeException e) {
                    run.crash(i, request::toString, e);
                    continue;
                }
            } catch (RuntimeException e) {
                run.crash(i, request::toString, e);
                continue;
            }
            previous = reply.status();
            boolean isEvent = request.path().startsWith("/events");
            if (reply.status() >= 500 || reply.status() < 200) {
                run.crash(i, request::toString, new AssertionError("answered " + reply.status() + ": " + reply.body()));
            } else if (reply.status() >= 400) {
                if (!reply.contentType().startsWith("application/problem+json") || reply.json() == null
                        || !Integer.valueOf(reply.status()).equals(reply.json().get("status"))) {
                    run.crash(i, request::toString, new AssertionError("not a problem+json " + reply.status()
                            + ": " + reply.contentType() + " " + reply.body()));
                } else if (isEvent && !state().equals(before)) {
                    run.crash(i, request::toString, new AssertionError("a refused request (" + reply.status()
                            + ") changed the stored state: " + reply.body()));
                    before = state();
                } else {
                    run.rejected(reply.status() + "");
                }
            } else {
                run.accepted();
                if (isEvent) {
                    before = state();
                }
            }
        }
        run.finish();
    }

    private HttpDriver.Reply send(Request request) {
        return http.post(request.path(), request.contentType(), request.body(), request.headers().toArray(String[]::new));
    }

    /** One POST: path (with query), content type (null: none), body and extra headers as name, value pairs. */
    record Request(String path, String contentType, byte[] body, List<String> headers) {
        @Override
        public String toString() {
            return path + " " + contentType + " " + headers + " " + FuzzRun.show(body);
        }
    }

    private static Request binary(JsonMutator m) {
        List<String> headers = new ArrayList<>();
        String contentType = "application/json";
        for (Map.Entry<String, List<String>> header : IngestSeeds.binaryHeaders(m).entrySet()) {
            String name = header.getKey().chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || c == '-'))
                    ? header.getKey() : "ce-x";
            for (String value : header.getValue()) {
                if (name.equalsIgnoreCase("Content-Type")) {
                    contentType = headerValue(value);
                } else {
                    headers.add(name);
                    headers.add(headerValue(value));
                }
            }
        }
        return new Request("/events", contentType.isBlank() ? null : contentType, m.next(), headers);
    }

    /** Header values travel percent-encoded (CloudEvents HTTP binding); raw control bytes cannot be sent at all. */
    private static String headerValue(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            out.append(c > 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return out.toString();
    }

    /** A bulk check with a hostile body, against a hostile workspace. */
    private static Request query(JsonMutator m) {
        String body = "{\"objects\":[{\"product\":\"" + m.string().replace("\"", "") + "\",\"type\":\"page\",\"id\":\"1\"}]}";
        byte[] bytes = m.chance(2) ? body.getBytes(StandardCharsets.UTF_8) : m.next();
        return new Request("/v1/workspaces/" + encode(m.string()) + "/objects/check", "application/json", bytes,
                List.of());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
