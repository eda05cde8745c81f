package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessgate.application.testkit.InMemoryPolicyStore;
import dev.accessgate.domain.policy.EventId;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input of every kind gets a 4xx problem+json that says what is wrong, and changes nothing. */
@MicronautTest
class BadInputTest {

    private static final String CE = "application/cloudevents+json";
    private static final String VALID = """
            {"specversion": "1.0", "id": "ok-1", "source": "atlassian.com/ecosystem",
             "type": "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2",
             "time": "2023-10-24T08:08:08Z",
             "data": {"workspace": {"cloudId": "abc"}, "container": {"product": "jira", "id": "P"}}}""";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    InMemoryPolicyStore store;

    private HttpDriver http;

    @BeforeEach
    void driver() {
        http = new HttpDriver(server.getURL(), json);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                bad("empty body", CE, "", 400, "empty"),
                bad("not JSON", CE, "hello", 400, "malformed JSON"),
                bad("truncated JSON", CE, VALID.substring(0, 40), 400, "malformed JSON"),
                bad("trailing garbage", CE, VALID + "}", 400, "malformed JSON"),
                bad("a JSON array", CE, "[1,2]", 400, "must be a JSON object"),
                bad("duplicate keys", CE, VALID.replace("\"id\": \"ok-1\"", "\"id\": \"a\", \"id\": \"b\""), 400,
                        "Duplicate field"),
                bad("wrong specversion", CE, VALID.replace("\"1.0\"", "\"0.3\""), 400, "/specversion"),
                bad("numeric specversion", CE, VALID.replace("\"1.0\"", "1.0"), 400, "/specversion must be a string"),
                bad("missing id", CE, VALID.replace("\"id\": \"ok-1\",", ""), 400, "/id is required"),
                bad("empty id", CE, VALID.replace("\"ok-1\"", "\"\""), 400, "/id must not be empty"),
                bad("id with a control character", CE, VALID.replace("\"ok-1\"", "\"a\\u0001b\""), 400, "/id"),
                bad("missing source", CE, VALID.replace("\"source\": \"atlassian.com/ecosystem\",", ""), 400,
                        "/source is required"),
                bad("source not a URI reference", CE, VALID.replace("atlassian.com/ecosystem", "not a uri"), 400,
                        "/source must be a URI reference"),
                bad("missing type", CE, VALID.replace("\"type\": \"avi:ecosystem.app_policy:blocked:"
                        + "app_access_to_objects_in_container.v2\",", ""), 400, "/type is required"),
                bad("missing time", CE, VALID.replace("\"time\": \"2023-10-24T08:08:08Z\",", ""), 400,
                        "/time is required"),
                bad("time without seconds", CE, VALID.replace("08:08:08Z", "08:08Z"), 400, "RFC 3339"),
                bad("time without offset", CE, VALID.replace("08:08:08Z", "08:08:08"), 400, "RFC 3339"),
                bad("impossible date", CE, VALID.replace("2023-10-24", "2023-13-45"), 400, "/time"),
                bad("time before 1970", CE, VALID.replace("2023-10-24", "1969-10-24"), 400, "/time must be between"),
                bad("missing data", CE, VALID.replace(",\n \"data\": {\"workspace\": {\"cloudId\": \"abc\"}, "
                        + "\"container\": {\"product\": \"jira\", \"id\": \"P\"}}", ""), 400, "/data is required"),
                bad("missing container", CE, VALID.replace(", \"container\": {\"product\": \"jira\", \"id\": \"P\"}", ""),
                        400, "/data/container is required"),
                bad("blank cloudId", CE, VALID.replace("\"abc\"", "\"  \""), 400, "/data/workspace/cloudId"),
                bad("binary data", CE, VALID.replace("\"data\":", "\"data_base64\": \"AAAA\", \"data\":"), 400,
                        "/data_base64"),
                bad("no content type", null, VALID, 415, "no Content-Type"),
                bad("plain text", "text/plain", VALID, 415, "text/plain"),
                bad("form data", "application/x-www-form-urlencoded", VALID, 415, "application/cloudevents+json"),
                bad("too deep", CE, "[".repeat(65) + "]".repeat(65), 400, "nested deeper than 64"));
    }

    private static Arguments bad(String name, String contentType, String body, int status, String detail) {
        return Arguments.of(name, contentType, body.getBytes(StandardCharsets.UTF_8), status, detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void is_refused_with_a_problem_that_says_why(String name, String contentType, byte[] body, int status,
                                                 String detail) {
        HttpDriver.Reply reply = http.post("/events", contentType, body);

        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json()).containsEntry("status", status);
        assertThat((String) reply.json().get("detail")).contains(detail);
        assertNothingStored();
    }

    @Test
    void invalid_utf8_is_refused() {
        byte[] body = VALID.replace("ok-1", "ok-\u00e9").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < body.length; i++) {
            if (body[i] == (byte) 0xC3) {
                body[i] = (byte) 0xFF;
            }
        }
        HttpDriver.Reply reply = http.post("/events", CE, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat((String) reply.json().get("detail")).contains("UTF-8");
        assertNothingStored();
    }

    @Test
    void invalid_utf8_inside_an_object_key_is_refused_too() {
        // Jackson checks string values but let this through in keys; found by GeneratedBadInputTest.
        byte[] body = VALID.replace("\"cloudId\"", "\"clou\u00e9dId\"").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < body.length - 1; i++) {
            if (body[i] == (byte) 0xC3 && body[i + 1] == (byte) 0xA9) {
                body[i + 1] = (byte) '"'; // a lead byte without its continuation
            }
        }
        HttpDriver.Reply reply = http.post("/events", CE, body);

        assertThat(reply.status()).isEqualTo(400);
        assertNothingStored();
    }

    @Test
    void the_valid_body_these_cases_are_made_from_is_accepted_so_each_case_tests_one_fault() {
        // Another id and workspace, so that the cases' "nothing stored" checks stay meaningful.
        HttpDriver.Reply reply = http.post("/events", CE, VALID.replace("ok-1", "control-1")
                .replace("\"abc\"", "\"control\""));
        assertThat(reply.status()).isEqualTo(200);
    }

    private void assertNothingStored() {
        assertThat(store.workspaces()).noneMatch(ws -> ws.workspace().cloudId().equals("abc"));
        assertThat(store.find(new EventId("ok-1"))).isEmpty();
    }
}
