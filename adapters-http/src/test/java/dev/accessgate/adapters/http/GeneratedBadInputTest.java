package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.testkit.InMemoryPolicyStore;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * 10,000 generated requests to POST /events, each made invalid on purpose (truncated, corrupted
 * bytes, a wrong attribute, a wrong data field, deep nesting, duplicate keys, broken headers,
 * junk, wrong media types). Every one must get a 4xx problem+json and store nothing.
 */
@MicronautTest
class GeneratedBadInputTest {

    /** QuickTheories may draw a value twice and not count it again: a margin keeps the total over 10,000. */
    private static final int EXAMPLES_PER_FAMILY = 2_600;
    private static final int REQUIRED_CASES = 10_000;
    private static final String TYPE = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore store;

    private HttpDriver http;
    private static final AtomicInteger SENT = new AtomicInteger();

    /** One request: content type, extra headers (name, value pairs) and body. */
    record BadRequest(String kind, String contentType, List<String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return kind + " " + contentType + " " + headers + " " + (text.length() > 300 ? text.substring(0, 300) : text);
        }
    }

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json);
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(store.workspaces()).isEmpty();
        assertThat(store.list(new EventQuery(Optional.empty(), Optional.empty(), 10)).events()).isEmpty();
        assertThat(store.countUnprocessed()).isZero();
    }

    private void check(BadRequest request) {
        SENT.incrementAndGet();
        String[] headers = request.headers().toArray(String[]::new);
        HttpDriver.Reply reply = http.post("/events", request.contentType(), request.body(), headers);
        assertThat(reply.status()).as("%s", request).isBetween(400, 499);
        assertThat(reply.contentType()).as("%s", request).startsWith("application/problem+json");
        assertThat(reply.json()).as("%s", request).containsEntry("status", reply.status()).containsKey("detail");
    }

    private static String validEvent(int n) {
        return "{\"specversion\": \"1.0\", \"id\": \"gen-" + n + "\", \"source\": \"atlassian.com/ecosystem\", "
                + "\"type\": \"" + TYPE + "\", \"time\": \"2024-01-01T00:00:00Z\", \"data\": {\"workspace\": "
                + "{\"cloudId\": \"ws\"}, \"objects\": [{\"product\": \"jira\", \"type\": \"issue\", "
                + "\"ids\": [\"1\", \"2\"]}]}}";
    }

    /** Whole-body corruptions of a valid structured event. */
    private static Gen<BadRequest> corruptedBodies() {
        return integers().between(0, 3).zip(integers().between(0, 1_000_000), integers().between(0, 255),
                (kind, seed, b) -> {
                    byte[] valid = validEvent(seed).getBytes(StandardCharsets.UTF_8);
                    int at = 1 + seed % (valid.length - 1);
                    switch (kind) {
                        case 0:
                            return new BadRequest("truncated", "application/cloudevents+json", List.of(),
                                    java.util.Arrays.copyOf(valid, at));
                        case 1: {
                            byte[] invalid = {(byte) 0xC0, (byte) 0xFF, (byte) 0x80, (byte) 0xF8};
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            out.write(valid, 0, at);
                            out.write(invalid[b % invalid.length]);
                            out.write(valid, at, valid.length - at);
                            return new BadRequest("invalid UTF-8", "application/cloudevents+json", List.of(),
                                    out.toByteArray());
                        }
                        case 2: {
                            int depth = 65 + b;
                            String nested = "[".repeat(depth) + "]".repeat(depth);
                            return new BadRequest("too deep", "application/cloudevents+json", List.of(),
                                    validEvent(seed).replace("\"data\": {", "\"deep\": " + nested + ", \"data\": {")
                                            .getBytes(StandardCharsets.UTF_8));
                        }
                        default:
                            return new BadRequest("duplicate key", "application/cloudevents+json", List.of(),
                                    validEvent(seed).replace("\"source\"", "\"id\": \"other-" + b + "\", \"source\"")
                                            .getBytes(StandardCharsets.UTF_8));
                    }
                });
    }

    private static final List<String[]> BAD_ATTRIBUTES = List.of(
            new String[] {"\"specversion\": \"1.0\"", "\"specversion\": \"0.3\""},
            new String[] {"\"specversion\": \"1.0\"", "\"specversion\": 1.0"},
            new String[] {"\"specversion\": \"1.0\", ", ""},
            new String[] {"\"id\": \"gen-", "\"id\": 7, \"x\": \"gen-"},
            new String[] {"\"source\": \"atlassian.com/ecosystem\"", "\"source\": \"\""},
            new String[] {"\"source\": \"atlassian.com/ecosystem\"", "\"source\": \"atlassian com\""},
            new String[] {"\"source\": \"atlassian.com/ecosystem\"", "\"source\": \"%zz\""},
            new String[] {"\"source\": \"atlassian.com/ecosystem\"", "\"source\": null"},
            new String[] {"\"type\": \"" + TYPE + "\"", "\"type\": \"\""},
            new String[] {"\"type\": \"" + TYPE + "\"", "\"type\": [\"" + TYPE + "\"]"},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": \"2024-01-01\""},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": \"2024-13-01T00:00:00Z\""},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": \"2024-01-01 00:00:00Z\""},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": \"2024-01-01T25:00:00Z\""},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": 1704067200"},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": \"1900-01-01T00:00:00Z\""},
            new String[] {"\"time\": \"2024-01-01T00:00:00Z\"", "\"time\": \"2024-01-01T00:00:00+25:00\""},
            new String[] {"{\"cloudId\": \"ws\"}", "{\"cloudId\": 5}"},
            new String[] {"{\"cloudId\": \"ws\"}", "{\"cloudId\": \" \"}"},
            new String[] {"{\"cloudId\": \"ws\"}", "{}"},
            new String[] {"{\"cloudId\": \"ws\"}", "\"ws\""},
            new String[] {"\"product\": \"jira\"", "\"product\": \"\""},
            new String[] {"\"product\": \"jira\"", "\"product\": false"},
            new String[] {"\"type\": \"issue\"", "\"type\": \"\\u0007\""},
            new String[] {"[\"1\", \"2\"]", "[\"1\", 2]"},
            new String[] {"[\"1\", \"2\"]", "[\"1\", null]"},
            new String[] {"[\"1\", \"2\"]", "\"1\""},
            new String[] {"[\"1\", \"2\"]", "[\"1\", \"\\ud800\"]"},
            new String[] {"\"objects\": [", "\"objects\": {\"a\": ["},
            new String[] {", \"data\": {", ", \"data_base64\": \"AA==\", \"data\": {"});

    /** One attribute or data field made wrong in a valid event, in structured or envelope form. */
    private static Gen<BadRequest> badFields() {
        return integers().between(0, BAD_ATTRIBUTES.size() - 1).zip(integers().between(0, 1_000_000),
                Generate.booleans(), (which, seed, structured) -> {
                    String[] change = BAD_ATTRIBUTES.get(which);
                    String body = validEvent(seed).replace(change[0], change[1]);
                    String type = structured ? "application/cloudevents+json" : "application/json";
                    if (!structured && change[0].startsWith("\"specversion\": \"1.0\", ")) {
                        body = body.replace("\"time\": ", "\"timestamp\": "); // an envelope needs no specversion
                    }
                    return new BadRequest("field " + which, type, List.of(), body.getBytes(StandardCharsets.UTF_8));
                });
    }

    private static final List<String[]> BAD_HEADERS = List.of(
            new String[] {"ce-id", null}, new String[] {"ce-source", null}, new String[] {"ce-type", null},
            new String[] {"ce-time", null}, new String[] {"ce-specversion", "0.3"},
            new String[] {"ce-id", "%"}, new String[] {"ce-id", "%G1"}, new String[] {"ce-id", "%C3%28"},
            new String[] {"ce-source", "a b"}, new String[] {"ce-time", "2024-01-01"},
            new String[] {"ce-time", "2024-01-01T00:00:00"}, new String[] {"ce-type", ""});

    /** Binary mode with one header missing or wrong, or the data broken, or non-JSON data. */
    private static Gen<BadRequest> badBinary() {
        return integers().between(0, BAD_HEADERS.size() + 2).zip(integers().between(0, 1_000_000), (which, seed) -> {
            List<String> headers = new ArrayList<>(List.of("ce-specversion", "1.0", "ce-id", "bin-" + seed,
                    "ce-source", "atlassian.com%2Fecosystem", "ce-type", TYPE, "ce-time", "2024-01-01T00:00:00Z"));
            String data = "{\"workspace\": {\"cloudId\": \"ws\"}, \"objects\": []}";
            String contentType = "application/json";
            if (which < BAD_HEADERS.size()) {
                String[] change = BAD_HEADERS.get(which);
                int index = headers.indexOf(change[0]);
                if (change[1] == null) {
                    headers.remove(index + 1);
                    headers.remove(index);
                } else {
                    headers.set(index + 1, change[1]);
                }
            } else if (which == BAD_HEADERS.size()) {
                data = data.substring(0, 1 + seed % (data.length() - 1));
            } else if (which == BAD_HEADERS.size() + 1) {
                contentType = "text/plain";
            } else {
                headers.addAll(List.of("ce-id", "again-" + seed));
            }
            return new BadRequest("binary " + which, contentType, headers, data.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static final List<String> WRONG_TYPES = List.of("text/plain", "application/xml", "text/html",
            "application/x-www-form-urlencoded", "application/octet-stream", "image/png", "application/cloudevents+xml");

    /** Junk bodies, and valid events under media types that are not accepted. */
    private static Gen<BadRequest> junkAndWrongTypes() {
        return integers().between(0, WRONG_TYPES.size()).zip(integers().between(1, 400),
                integers().between(0, Integer.MAX_VALUE), (which, length, seed) -> {
                    if (which == WRONG_TYPES.size()) {
                        java.util.Random random = new java.util.Random(seed);
                        byte[] junk = new byte[length];
                        random.nextBytes(junk);
                        junk[0] = (byte) ('!' + random.nextInt(20)); // never '{': not a JSON object
                        String type = random.nextBoolean() ? "application/json" : "application/cloudevents+json";
                        return new BadRequest("junk", type, List.of(), junk);
                    }
                    return new BadRequest("media type", WRONG_TYPES.get(which), List.of(),
                            validEvent(seed).getBytes(StandardCharsets.UTF_8));
                });
    }

    @Test
    void corrupted_bodies_are_refused() {
        qt().withExamples(EXAMPLES_PER_FAMILY).withShrinkCycles(50).forAll(corruptedBodies()).checkAssert(this::check);
    }

    @Test
    void wrong_attributes_and_data_fields_are_refused() {
        qt().withExamples(EXAMPLES_PER_FAMILY).withShrinkCycles(50).forAll(badFields()).checkAssert(this::check);
    }

    @Test
    void broken_binary_mode_requests_are_refused() {
        qt().withExamples(EXAMPLES_PER_FAMILY).withShrinkCycles(50).forAll(badBinary()).checkAssert(this::check);
    }

    @Test
    void junk_and_unaccepted_media_types_are_refused() {
        qt().withExamples(EXAMPLES_PER_FAMILY).withShrinkCycles(50).forAll(junkAndWrongTypes()).checkAssert(this::check);
    }

    @AfterAll
    static void at_least_ten_thousand_cases_were_sent() {
        assertThat(SENT.get()).isGreaterThanOrEqualTo(REQUIRED_CASES);
    }

}
