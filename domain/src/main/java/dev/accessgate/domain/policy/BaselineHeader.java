package dev.accessgate.domain.policy;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a baseline says except its (possibly millions of) objects: "as of {@code time},
 * in this scope, exactly these are blocked".
 *
 * <p>Scope: the objects of {@code product} whose type is in {@code types} (absent: every
 * type of the product); and, when {@code containers} is present, the containers of
 * {@code product}, of which exactly those listed are blocked. An absent {@code containers}
 * leaves container blocks alone.
 *
 * @param types      lower-cased object types, or empty for every type of the product
 * @param containers ids of the blocked containers of the product, or empty to leave
 *                   containers out of the baseline's scope
 */
public record BaselineHeader(WorkspaceId workspace, BaselineId id, Instant time, Product product,
                             Optional<Set<String>> types, Optional<Set<String>> containers) {

    /** Most object types one baseline may name (Atlassian products have five). */
    public static final int MAX_TYPES = 100;
    /** Most containers one baseline may list; they are held in memory, unlike the objects. */
    public static final int MAX_CONTAINERS = 100_000;

    public BaselineHeader {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(types, "types");
        Objects.requireNonNull(containers, "containers");
        new Block(time, new EventId(id.value())); // checks the time is storable
        types = types.map(BaselineHeader::lowerCaseTypes);
        containers = containers.map(BaselineHeader::containerIds);
        if (types.map(Set::isEmpty).orElse(false) && containers.isEmpty()) {
            throw DomainException.invalid("types", "a baseline with no types and no containers covers nothing");
        }
    }

    private static Set<String> lowerCaseTypes(Set<String> types) {
        if (types.size() > MAX_TYPES) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "types",
                    "a baseline may name at most " + MAX_TYPES + " types");
        }
        Set<String> lower = new LinkedHashSet<>();
        types.forEach(type -> lower.add(Text.lowerIdentifier("type", type)));
        return Set.copyOf(lower);
    }

    private static Set<String> containerIds(Set<String> containers) {
        if (containers.size() > MAX_CONTAINERS) {
            throw new DomainException(DomainException.Kind.LIMIT_EXCEEDED, "containers",
                    "a baseline may list at most " + MAX_CONTAINERS + " containers");
        }
        containers.forEach(id -> Text.identifier("containers", id));
        return Set.copyOf(containers);
    }

    /** The block a baseline puts on what it lists: its time, and its id in place of an event id. */
    public Block block() {
        return new Block(time, new EventId(id.value()));
    }

    /** True when objects of this type of the baseline's product are in scope. */
    public boolean coversType(String type) {
        return types.map(listed -> listed.contains(type)).orElse(true);
    }

    /** True when the object is in scope: the baseline's product and one of its types. */
    public boolean covers(ObjectRef object) {
        return object.product().equals(product) && coversType(object.type());
    }

    /** True when the baseline says which containers of its product are blocked. */
    public boolean coversContainers() {
        return containers.isPresent();
    }
}
