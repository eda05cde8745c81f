package dev.accessgate.app;

import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The crash harness's traffic, made from a seed: policy events v2 (objects and containers) and
 * v1 (by site URL), app migration webhooks and Forge product events, over a small id space so
 * that events overlap and the earliest-block rule matters. Each policy event carries the
 * domain event it must amount to, so the expected ledger is computed by the domain itself.
 */
final class CrashStream {

    static final String SITE_URL = "https://crash-site.atlassian.net";
    static final String SITE_CLOUD_ID = "crash-site-cloud";
    static final List<String> CLOUD_IDS = List.of("crash-a", "crash-b", "crash-c");
    static final String APP_KEY = "crash-app";
    private static final String[][] CONFLUENCE_TYPES = {{"confluence", "page"}, {"confluence", "blogpost"},
        {"confluence", "whiteboard"}, {"confluence", "database"}};
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    enum Kind { POLICY_V2, CONTAINER_V2, POLICY_V1, MIGRATION, PRODUCT }

    /** One request to send until acknowledged: its stored event id, where it goes, and what it means. */
    record Outgoing(String eventId, Kind kind, String path, String contentType, String body,
                    Optional<PolicyEvent> policy, Optional<MigrationMessage> migration) {
        boolean delivered() {
            return kind != Kind.MIGRATION;
        }
    }

    /** What one migration webhook says about its transfer. */
    record MigrationMessage(String transferId, String eventType, String s3Key) {
    }

    private final List<Outgoing> events;

    private CrashStream(List<Outgoing> events) {
        this.events = List.copyOf(events);
    }

    static CrashStream generate(long seed, int count) {
        Random random = new Random(seed);
        List<Outgoing> events = new ArrayList<>();
        int transfers = Math.max(1, count / 25);
        for (int n = 0; n < count; n++) {
            int roll = random.nextInt(100);
            String id = "crash-" + seed + "-" + n;
            Instant time = EPOCH.plusSeconds(60L * random.nextInt(10_000));
            if (roll < 35) {
                events.add(objectsV2(random, id, time));
            } else if (roll < 45) {
                events.add(containerV2(random, id, time));
            } else if (roll < 55) {
                events.add(objectsV1(random, id, time));
            } else if (roll < 70) {
                events.add(migration(random, id, "crash-transfer-" + seed + "-" + random.nextInt(transfers)));
            } else {
                events.add(new Outgoing(id, Kind.PRODUCT, "/events", Http.CE, """
                        {"specversion":"1.0","id":"%s","type":"avi:jira:created:issue","source":"ari:cloud:jira::site/%s",
                         "time":"%s","data":{"issue":{"key":"CR-%d"}}}""".formatted(id, CLOUD_IDS.get(0), time, n),
                        Optional.empty(), Optional.empty()));
            }
        }
        return new CrashStream(events);
    }

    private static Outgoing objectsV2(Random random, String id, Instant time) {
        String cloudId = CLOUD_IDS.get(random.nextInt(CLOUD_IDS.size()));
        Map<String, List<String>> idsByProductType = new LinkedHashMap<>();
        for (int groups = 1 + random.nextInt(3); groups > 0; groups--) {
            String[] productType = random.nextInt(3) == 0 ? new String[] {"jira", "issue"}
                    : CONFLUENCE_TYPES[random.nextInt(CONFLUENCE_TYPES.length)];
            List<String> ids = idsByProductType.computeIfAbsent(productType[0] + "/" + productType[1],
                    k -> new ArrayList<>());
            for (int k = 1 + random.nextInt(20); k > 0; k--) {
                ids.add(Integer.toString(random.nextInt(300)));
            }
        }
        List<ObjectRef> refs = new ArrayList<>();
        String objects = idsByProductType.entrySet().stream().map(e -> {
            String[] productType = e.getKey().split("/");
            e.getValue().forEach(objectId -> refs.add(ObjectRef.of(productType[0], productType[1], objectId)));
            return "{\"product\":\"%s\",\"type\":\"%s\",\"ids\":[%s]}".formatted(productType[0], productType[1],
                    e.getValue().stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",")));
        }).collect(Collectors.joining(","));
        String body = """
                {"specversion":"1.0","id":"%s","type":"avi:ecosystem.app_policy:blocked:app_access_to_objects.v2",
                 "source":"atlassian.com/ecosystem","time":"%s",
                 "data":{"workspace":{"cloudId":"%s"},"objects":[%s]}}""".formatted(id, time, cloudId, objects);
        return new Outgoing(id, Kind.POLICY_V2, "/events", Http.CE, body, Optional.of(new ObjectsBlocked(
                new WorkspaceId(cloudId), new Block(time, new EventId(id)), refs)), Optional.empty());
    }

    private static Outgoing containerV2(Random random, String id, Instant time) {
        String cloudId = CLOUD_IDS.get(random.nextInt(CLOUD_IDS.size()));
        String product = random.nextBoolean() ? "confluence" : "jira";
        String container = "C" + random.nextInt(40);
        String body = """
                {"specversion":"1.0","id":"%s","type":"avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2",
                 "source":"atlassian.com/ecosystem","time":"%s",
                 "data":{"workspace":{"cloudId":"%s"},"container":{"product":"%s","id":"%s"}}}"""
                .formatted(id, time, cloudId, product, container);
        return new Outgoing(id, Kind.CONTAINER_V2, "/events", Http.CE, body, Optional.of(new ContainerBlocked(
                new WorkspaceId(cloudId), new Block(time, new EventId(id)), ContainerRef.of(product, container))),
                Optional.empty());
    }

    /** v1 names the site, not the cloudId, and no product: the type implies it. */
    private static Outgoing objectsV1(Random random, String id, Instant time) {
        List<ObjectRef> refs = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (int k = 1 + random.nextInt(10); k > 0; k--) {
            boolean issue = random.nextInt(3) == 0;
            String type = issue ? "issue" : "page";
            String objectId = Integer.toString(random.nextInt(300));
            refs.add(ObjectRef.of(issue ? "jira" : "confluence", type, objectId));
            items.add("{\"type\":\"%s\",\"id\":\"%s\"}".formatted(type, objectId));
        }
        String body = """
                {"specversion":"1.0","id":"%s","type":"avi:ecosystem.app_policy:blocked:app_access_to_objects.v1",
                 "source":"com.atlassian/ecosystem.app_policy","time":"%s",
                 "data":{"site":{"url":"%s"},"blockedObjects":[%s]}}"""
                .formatted(id, time, SITE_URL, String.join(",", items));
        return new Outgoing(id, Kind.POLICY_V1, "/events", Http.CE, body, Optional.of(new ObjectsBlocked(
                new WorkspaceId(SITE_CLOUD_ID), new Block(time, new EventId(id)), refs)), Optional.empty());
    }

    private static Outgoing migration(Random random, String messageId, String transferId) {
        String[] types = {"listener-triggered", "app-data-uploaded", "app-data-uploaded", "transfer-settled"};
        String eventType = types[random.nextInt(types.length)];
        String s3Key = eventType.equals("app-data-uploaded") ? "s3-" + messageId : null;
        String body = """
                {"eventType":"%s","cloudAppKey":"%s","transferId":"%s","messageId":"%s","serverAppVersion":"1.0",
                 "migrationDetails":{"migrationId":"m-1","migrationScopeId":"s-1","name":"crash migration",
                  "createdAt":1597193662,"jiraClientKey":"unknown","confluenceClientKey":"unknown",
                  "cloudUrl":"%s"}%s}""".formatted(eventType, APP_KEY, transferId, messageId, SITE_URL,
                s3Key == null ? "" : ",\"s3Key\":\"" + s3Key + "\",\"label\":\"part\"");
        return new Outgoing("migration:" + messageId, Kind.MIGRATION, "/migration/events", "application/json", body,
                Optional.empty(), Optional.of(new MigrationMessage(transferId, eventType, s3Key)));
    }

    List<Outgoing> events() {
        return events;
    }

    /** The messages of each transfer, in the order generated. */
    Map<String, List<MigrationMessage>> transfers() {
        Map<String, List<MigrationMessage>> byTransfer = new LinkedHashMap<>();
        for (Outgoing event : events) {
            event.migration().ifPresent(m -> byTransfer.computeIfAbsent(m.transferId(), k -> new ArrayList<>()).add(m));
        }
        return byTransfer;
    }

    Set<String> workspaces() {
        Set<String> all = new LinkedHashSet<>(CLOUD_IDS);
        all.add(SITE_CLOUD_ID);
        return all;
    }
}
