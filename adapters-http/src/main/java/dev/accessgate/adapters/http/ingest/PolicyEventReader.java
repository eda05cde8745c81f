package dev.accessgate.adapters.http.ingest;

import static dev.accessgate.adapters.http.json.JsonPaths.child;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.model.Processing;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the data of a validated event as the policy event its type names. Types this
 * version does not know are kept unprocessed, never dropped.
 */
final class PolicyEventReader {

    static final String OBJECTS_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";
    static final String CONTAINER_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2";

    private PolicyEventReader() {
    }

    static Processing read(InboundEvent event) {
        return switch (event.type()) {
            case OBJECTS_V2 -> new Processing.Applied(objectsBlocked(event));
            case CONTAINER_V2 -> new Processing.Applied(containerBlocked(event));
            default -> new Processing.Unprocessed("event type not known to this version: " + event.type());
        };
    }

    private static ObjectsBlocked objectsBlocked(InboundEvent event) {
        List<Violation> violations = new ArrayList<>();
        Map<?, ?> data = object(event.data(), "/data", violations);
        WorkspaceId workspace = workspace(data, violations);
        List<ObjectRef> objects = new ArrayList<>();
        List<?> groups = data == null ? null : array(data.get("objects"), "/data/objects", violations);
        if (groups != null) {
            int total = 0;
            for (int g = 0; g < groups.size(); g++) {
                String at = child("/data/objects", g);
                Map<?, ?> group = object(groups.get(g), at, violations);
                if (group == null) {
                    continue;
                }
                Product product = value(() -> Product.of(text(group.get("product"), child(at, "product"))),
                        child(at, "product"), violations);
                String type = value(() -> Text.lowerIdentifier("type", text(group.get("type"), child(at, "type"))),
                        child(at, "type"), violations);
                List<?> ids = array(group.get("ids"), child(at, "ids"), violations);
                if (ids == null || product == null || type == null) {
                    continue;
                }
                total += ids.size();
                if (total > ObjectsBlocked.MAX_OBJECTS) {
                    throw ProblemException.at(ProblemException.Kind.LIMIT_EXCEEDED, "/data/objects",
                            "an event may block at most " + ObjectsBlocked.MAX_OBJECTS + " objects");
                }
                for (int i = 0; i < ids.size(); i++) {
                    String idAt = child(child(at, "ids"), i);
                    Object id = ids.get(i);
                    ObjectRef ref = value(() -> new ObjectRef(product, type, text(id, idAt)), idAt, violations);
                    if (ref != null) {
                        objects.add(ref);
                    }
                }
            }
        }
        Block block = block(event, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        return new ObjectsBlocked(workspace, block, objects);
    }

    private static ContainerBlocked containerBlocked(InboundEvent event) {
        List<Violation> violations = new ArrayList<>();
        Map<?, ?> data = object(event.data(), "/data", violations);
        WorkspaceId workspace = workspace(data, violations);
        Map<?, ?> container = data == null ? null : object(data.get("container"), "/data/container", violations);
        ContainerRef ref = container == null ? null : value(() -> new ContainerRef(
                Product.of(text(container.get("product"), "/data/container/product")),
                text(container.get("id"), "/data/container/id")), "/data/container", violations);
        Block block = block(event, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        return new ContainerBlocked(workspace, block, ref);
    }

    private static WorkspaceId workspace(Map<?, ?> data, List<Violation> violations) {
        if (data == null) {
            return null;
        }
        Map<?, ?> workspace = object(data.get("workspace"), "/data/workspace", violations);
        return workspace == null ? null : value(() -> new WorkspaceId(
                text(workspace.get("cloudId"), "/data/workspace/cloudId")), "/data/workspace/cloudId", violations);
    }

    private static Block block(InboundEvent event, List<Violation> violations) {
        return value(() -> new Block(event.time(), new EventId(event.id())), "/id", violations);
    }

    private static Map<?, ?> object(Object value, String pointer, List<Violation> violations) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        violations.add(new Violation(pointer, value == null ? "is required" : "must be an object"));
        return null;
    }

    private static List<?> array(Object value, String pointer, List<Violation> violations) {
        if (value instanceof List<?> list) {
            return list;
        }
        violations.add(new Violation(pointer, value == null ? "is required" : "must be an array"));
        return null;
    }

    /** A string, or a {@link FieldProblem} naming where it should have been. */
    private static String text(Object value, String pointer) {
        if (value instanceof String s) {
            return s;
        }
        throw new FieldProblem(pointer, value == null ? "is required" : "must be a string");
    }

    /** Runs a domain constructor; a refusal becomes a violation at {@code pointer}. */
    private static <T> T value(java.util.function.Supplier<T> constructor, String pointer, List<Violation> violations) {
        try {
            return constructor.get();
        } catch (FieldProblem e) {
            violations.add(new Violation(e.pointer, e.getMessage()));
        } catch (DomainException e) {
            violations.add(new Violation(pointer, e.getMessage()));
        }
        return null;
    }

    /** Control flow inside {@link #value}: a field of the wrong shape. Never escapes this class. */
    private static final class FieldProblem extends RuntimeException {
        private final String pointer;

        FieldProblem(String pointer, String message) {
            super(message, null, false, false);
            this.pointer = pointer;
        }
    }
}
