package dev.accessgate.app.cli.load;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The request of the n-th call of each scenario, and how many units (ids, objects) it carries. */
final class Scenarios {

    /** One request to send. */
    record Call(HttpRequest request, long units) {
    }

    /** Makes the n-th request; called from many threads. */
    interface Scenario {
        Call call(long n);

        String unit();
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private Scenarios() {
    }

    static Scenario of(LoadOptions options) {
        switch (options.scenario()) {
            case "policy":
                return policy(options);
            case "small":
                return small(options);
            case "check":
                return check(options);
            case "bulk":
                return bulk(options);
            default:
                throw new IllegalArgumentException("unknown scenario " + options.scenario()
                        + " (policy, small, check, bulk)");
        }
    }

    private static HttpRequest.Builder request(LoadOptions options, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(options.target().resolve(path)).timeout(TIMEOUT);
        return options.token().isEmpty() ? builder : builder.header("Authorization", "Bearer " + options.token());
    }

    /** Policy events of {@code size} ids each; ids sequential (a chunked change) or random. */
    private static Scenario policy(LoadOptions options) {
        return new Scenario() {
            @Override
            public Call call(long n) {
                SplittableRandom random = new SplittableRandom(n);
                List<String> ids = new ArrayList<>(options.size());
                for (int i = 0; i < options.size(); i++) {
                    long id = options.sortedIds() ? n * options.size() + i : random.nextLong(1L << 40);
                    ids.add(Long.toString(id));
                }
                EventBodies.Event event = new EventBodies.Event("load-" + RUN + "-" + n, EventBodies.OBJECTS_V2, "load",
                        "2024-01-01T00:00:00Z", EventBodies.objectsV2Data(options.workspace(), "jira", "issue", ids));
                return new Call(event.into(request(options, "/events"), EventBodies.Mode.STRUCTURED).build(),
                        options.size());
            }

            @Override
            public String unit() {
                return "ids";
            }
        };
    }

    /** Small Forge product events (about 400 bytes), each different. */
    private static Scenario small(LoadOptions options) {
        return new Scenario() {
            @Override
            public Call call(long n) {
                String body = EventBodies.forgeIssueUpdated(Long.toString(n), "load " + RUN);
                return new Call(request(options, "/events").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 1);
            }

            @Override
            public String unit() {
                return "events";
            }
        };
    }

    /** Single-object checks over the id space: about half of them blocked after a sequential policy run. */
    private static Scenario check(LoadOptions options) {
        return new Scenario() {
            @Override
            public Call call(long n) {
                long id = new SplittableRandom(n).nextLong(options.blockedIds() * 2L);
                URI path = URI.create("/v1/workspaces/" + options.workspace() + "/objects/jira/issue/" + id);
                return new Call(request(options, path.toString()).GET().build(), 1);
            }

            @Override
            public String unit() {
                return "checks";
            }
        };
    }

    /** Bulk checks of {@code size} objects each. */
    private static Scenario bulk(LoadOptions options) {
        return new Scenario() {
            @Override
            public Call call(long n) {
                SplittableRandom random = new SplittableRandom(n);
                StringBuilder body = new StringBuilder("{\"objects\":[");
                for (int i = 0; i < options.size(); i++) {
                    body.append(i == 0 ? "" : ",").append("{\"product\":\"jira\",\"type\":\"issue\",\"id\":\"")
                            .append(random.nextLong(options.blockedIds() * 2L)).append("\"}");
                }
                body.append("]}");
                return new Call(request(options, "/v1/workspaces/" + options.workspace() + "/objects/check")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), options.size());
            }

            @Override
            public String unit() {
                return "objects";
            }
        };
    }
}
