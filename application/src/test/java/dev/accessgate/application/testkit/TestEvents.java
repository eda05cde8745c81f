package dev.accessgate.application.testkit;

import dev.accessgate.application.model.EventFingerprint;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.List;

/** Builders of received events for tests. */
public final class TestEvents {

    public static final String OBJECTS_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";
    public static final String CONTAINER_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2";
    public static final Instant RECEIVED_AT = Instant.parse("2026-01-01T00:00:00Z");

    private TestEvents() {
    }

    /** The event as it would have arrived; its fingerprint is derived from its content. */
    public static ReceivedEvent received(PolicyEvent event) {
        String type = event instanceof ObjectsBlocked ? OBJECTS_V2 : CONTAINER_V2;
        String body = describe(event);
        return new ReceivedEvent(event.id(), type, "atlassian.com/ecosystem", event.block().at(), RECEIVED_AT,
                "structured", body, EventFingerprint.of(type, "atlassian.com/ecosystem", event.block().at(), body));
    }

    /** A raw event of a type accessgate does not know. */
    public static ReceivedEvent unknown(String id, String type) {
        Instant time = Instant.parse("2024-05-01T10:00:00Z");
        String body = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\"}";
        return new ReceivedEvent(new EventId(id), type, "test", time, RECEIVED_AT, "structured", body,
                EventFingerprint.of(type, "test", time, body));
    }

    public static ObjectsBlocked objectsBlocked(String id, String cloudId, Instant at, List<ObjectRef> objects) {
        return new ObjectsBlocked(new WorkspaceId(cloudId), new Block(at, new EventId(id)), objects);
    }

    /** The same event moved to workspace {@code tag + cloudId} with id {@code tag + id}. */
    public static PolicyEvent tagged(String tag, PolicyEvent event) {
        WorkspaceId ws = new WorkspaceId(tag + event.workspace().cloudId());
        Block block = new Block(event.block().at(), new EventId(tag + event.id().value()));
        if (event instanceof ObjectsBlocked blocked) {
            return new ObjectsBlocked(ws, block, blocked.objects());
        }
        return new ContainerBlocked(ws, block, ((ContainerBlocked) event).container());
    }

    private static String describe(PolicyEvent event) {
        StringBuilder text = new StringBuilder("{\"cloudId\":\"").append(event.workspace()).append("\",\"items\":[");
        if (event instanceof ObjectsBlocked blocked) {
            blocked.objects().forEach(o -> text.append('"').append(o).append("\","));
        } else {
            text.append('"').append(((ContainerBlocked) event).container()).append('"');
        }
        return text.append("]}").toString();
    }
}
