package dev.accessgate.app.cli.load;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Objects;

/**
 * The events the command line sends (the load generator and {@code send}): their JSON, and
 * requests for them in each content mode of {@code POST /events}.
 */
public final class EventBodies {

    public static final String OBJECTS_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";
    public static final String CONTAINER_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2";
    public static final String OBJECTS_V1 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v1";

    /** How an event travels on {@code POST /events} (SPEC 1.2). */
    public enum Mode {
        STRUCTURED, BINARY, PLAIN;

        public static Mode parse(String name) {
            try {
                return valueOf(name.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown mode " + name + " (structured, binary, plain)");
            }
        }
    }

    /** A CloudEvent's attributes and its data as JSON text. */
    public record Event(String id, String type, String source, String time, String dataJson) {

        public Event {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(dataJson, "dataJson");
        }

        /** The whole event as one JSON object (structured mode). */
        public String structured() {
            return "{\"specversion\":\"1.0\",\"id\":" + quote(id) + ",\"source\":" + quote(source) + ",\"type\":"
                    + quote(type) + ",\"time\":" + quote(time) + ",\"data\":" + dataJson + "}";
        }

        /** The plain JSON envelope: type, id, time, data. */
        public String plain() {
            return "{\"type\":" + quote(type) + ",\"id\":" + quote(id) + ",\"time\":" + quote(time) + ",\"data\":"
                    + dataJson + "}";
        }

        /** {@code builder} (aimed at {@code /events}) carrying this event in {@code mode}. */
        public HttpRequest.Builder into(HttpRequest.Builder builder, Mode mode) {
            return switch (mode) {
                case STRUCTURED -> builder.header("Content-Type", "application/cloudevents+json")
                        .POST(HttpRequest.BodyPublishers.ofString(structured()));
                case PLAIN -> builder.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(plain()));
                case BINARY -> builder.header("Content-Type", "application/json").header("ce-specversion", "1.0")
                        .header("ce-id", id).header("ce-type", type).header("ce-source", source).header("ce-time", time)
                        .POST(HttpRequest.BodyPublishers.ofString(dataJson));
            };
        }

        /** Bytes of the largest form this event takes (structured). */
        public int size() {
            return structured().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
    }

    private EventBodies() {
    }

    /** The data of an objects-blocked v2 event: {@code ids} of one product and type in one workspace. */
    public static String objectsV2Data(String workspace, String product, String type, List<String> ids) {
        StringBuilder data = new StringBuilder(96 + ids.size() * 12);
        data.append("{\"workspace\":{\"cloudId\":").append(quote(workspace)).append("},\"objects\":[{\"product\":")
                .append(quote(product)).append(",\"type\":").append(quote(type)).append(",\"ids\":[");
        for (int i = 0; i < ids.size(); i++) {
            data.append(i == 0 ? "" : ",").append(quote(ids.get(i)));
        }
        return data.append("]}]}").toString();
    }

    /** The data of an objects-blocked v1 event (site URL, product inferred from the type). */
    public static String objectsV1Data(String siteUrl, String type, List<String> ids) {
        StringBuilder data = new StringBuilder(64 + ids.size() * 30);
        data.append("{\"site\":{\"url\":").append(quote(siteUrl)).append("},\"blockedObjects\":[");
        for (int i = 0; i < ids.size(); i++) {
            data.append(i == 0 ? "" : ",").append("{\"type\":").append(quote(type)).append(",\"id\":")
                    .append(quote(ids.get(i))).append('}');
        }
        return data.append("]}").toString();
    }

    /** The data of a container-blocked v2 event. */
    public static String containerV2Data(String workspace, String product, String container) {
        return "{\"workspace\":{\"cloudId\":" + quote(workspace) + "},\"container\":{\"product\":" + quote(product)
                + ",\"id\":" + quote(container) + "}}";
    }

    /** A small Forge product event (about 400 bytes), typed by its {@code eventType}. */
    public static String forgeIssueUpdated(String id, String summary) {
        return "{\"eventType\":\"avi:jira:updated:issue\",\"atlassianId\":\"5b10ac8d82e05b22cc7d4ef5\","
                + "\"issue\":{\"id\":" + quote(id) + ",\"key\":" + quote("LOAD-" + id) + ",\"fields\":{\"summary\":"
                + quote(summary) + ",\"issueType\":{\"name\":\"Bug\"},\"labels\":[\"a\",\"b\"],\"priority\":"
                + "{\"name\":\"High\"}}},\"changelog\":{\"items\":[{\"field\":\"status\",\"fromString\":"
                + "\"To Do\",\"toString\":\"In Progress\"}]}}";
    }

    /** A JSON string literal. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
