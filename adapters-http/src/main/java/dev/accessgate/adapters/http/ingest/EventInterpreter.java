package dev.accessgate.adapters.http.ingest;

import static dev.accessgate.adapters.http.json.JsonPaths.child;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.port.out.SiteDirectory;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.ContainerBlocked;
import dev.accessgate.domain.policy.ContainerRef;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.ObjectsBlocked;
import dev.accessgate.domain.policy.Product;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides what a validated event means: the policy event its type names (its data is
 * checked field by field), a product event kept for subscriptions, or something this version
 * does not understand, kept unprocessed and never dropped.
 */
final class EventInterpreter {

    static final String OBJECTS_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v2";
    static final String CONTAINER_V2 = "avi:ecosystem.app_policy:blocked:app_access_to_objects_in_container.v2";
    static final String OBJECTS_V1 = "avi:ecosystem.app_policy:blocked:app_access_to_objects.v1";

    /** Forge product event families: known, kept for subscriptions, no policy effect. */
    private static final Pattern PRODUCT_EVENT = Pattern.compile(
            "avi:(jira|jira-software|jira-servicedesk|jira-service-management|confluence|bitbucket|compass):.+");

    /** v1 events name object types only; the product follows from the type. */
    private static final Map<String, Product> PRODUCT_OF_TYPE = Map.of(
            "page", Product.CONFLUENCE, "blogpost", Product.CONFLUENCE, "whiteboard", Product.CONFLUENCE,
            "database", Product.CONFLUENCE, "issue", Product.JIRA);

    private final SiteDirectory sites;

    EventInterpreter(SiteDirectory sites) {
        this.sites = sites;
    }

    Processing interpret(InboundEvent event) {
        switch (event.type()) {
            case OBJECTS_V2:
                return new Processing.Applied(objectsBlocked(event));
            case CONTAINER_V2:
                return new Processing.Applied(containerBlocked(event));
            case OBJECTS_V1:
                return objectsBlockedV1(event);
            default:
                return PRODUCT_EVENT.matcher(event.type()).matches()
                        ? new Processing.Stored("Forge product event")
                        : new Processing.Unprocessed("event type not known to this version: " + event.type());
        }
    }

    /**
     * v1 names the site, not the cloudId, and objects without products. It is applied once an
     * installation maps the site; until then it is kept unprocessed, to be reprocessed.
     */
    private Processing objectsBlockedV1(InboundEvent event) {
        List<Violation> violations = new ArrayList<>();
        Map<?, ?> data = object(event.data(), "/data", violations);
        Map<?, ?> site = data == null ? null : object(data.get("site"), "/data/site", violations);
        SiteUrl siteUrl = site == null ? null
                : value(() -> SiteUrl.of(text(site.get("url"), "/data/site/url")), "/data/site/url", violations);
        List<?> blocked = data == null ? null : array(data.get("blockedObjects"), "/data/blockedObjects", violations);
        List<ObjectRef> objects = new ArrayList<>();
        String unknownType = null;
        if (blocked != null) {
            if (blocked.size() > ObjectsBlocked.MAX_OBJECTS) {
                throw ProblemException.at(ProblemException.Kind.LIMIT_EXCEEDED, "/data/blockedObjects",
                        "an event may block at most " + ObjectsBlocked.MAX_OBJECTS + " objects");
            }
            for (int i = 0; i < blocked.size(); i++) {
                String at = child("/data/blockedObjects", i);
                Map<?, ?> item = object(blocked.get(i), at, violations);
                if (item == null) {
                    continue;
                }
                String type = value(() -> Text.lowerIdentifier("type", text(item.get("type"), child(at, "type"))),
                        child(at, "type"), violations);
                String id = value(() -> Text.identifier("id", text(item.get("id"), child(at, "id"))),
                        child(at, "id"), violations);
                if (type == null || id == null) {
                    continue;
                }
                Product product = PRODUCT_OF_TYPE.get(type);
                if (product == null) {
                    unknownType = type;
                } else {
                    objects.add(new ObjectRef(product, type, id));
                }
            }
        }
        Block block = block(event, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        if (unknownType != null) {
            return new Processing.Unprocessed("v1 object type '" + unknownType + "' names no known product");
        }
        return sites.workspaceOf(siteUrl)
                .<Processing>map(workspace -> new Processing.Applied(new ObjectsBlocked(workspace, block, objects)))
                .orElseGet(() -> new Processing.Unprocessed("site " + siteUrl + " is not mapped to a cloudId yet; "
                        + "it is applied when an installation maps the site"));
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
