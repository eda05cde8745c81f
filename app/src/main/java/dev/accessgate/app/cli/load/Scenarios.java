package dev.accessgate.app.cli.load;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/** The request of the n-th call of each scenario, and how many units (ids, objects) it carries. */
final class Scenarios {

    /** One request to send: a GET when {@code body} is null, else a POST of it. */
    record Call(String path, String contentType, byte[] body, long units) {

        static Call get(String path, long units) {
            return new Call(path, null, null, units);
        }

        static Call post(String path, String contentType, String body, long units) {
            return new Call(path, contentType, body.getBytes(StandardCharsets.UTF_8), units);
        }
    }

    /** Makes the n-th request; called from many threads. */
    interface Scenario {
        Call call(long n);

        String unit();
    }

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
                return Call.post("/events", "application/cloudevents+json", event.structured(), options.size());
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
                return Call.post("/events", "application/json",
                        EventBodies.forgeIssueUpdated(Long.toString(n), "load " + RUN), 1);
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
                return Call.get("/v1/workspaces/" + options.workspace() + "/objects/jira/issue/" + id, 1);
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
                return Call.post("/v1/workspaces/" + options.workspace() + "/objects/check", "application/json",
                        body.toString(), options.size());
            }

            @Override
            public String unit() {
                return "objects";
            }
        };
    }
}
