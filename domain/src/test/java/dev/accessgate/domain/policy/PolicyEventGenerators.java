package dev.accessgate.domain.policy;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of policy event streams, and of histories that mix events and
 * baselines. The value space is deliberately small (few workspaces, ids, times, types,
 * mixed-case products) so that overlaps, ties, duplicates, nested baseline scopes (every
 * type vs. some types) and baselines earlier and later than the events happen often.
 * Published in the domain test-jar for the stores' contract tests.
 */
public final class PolicyEventGenerators {

    private static final List<String> WORKSPACES = List.of("ws-a", "ws-b");
    private static final List<String> PRODUCTS = List.of("confluence", "Confluence", "jira", "JIRA");
    private static final List<String> TYPES = List.of("page", "Page", "issue", "whiteboard");
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private PolicyEventGenerators() {
    }

    /** A list of distinct events (unique ids {@code prefix + n}), as a sender would produce them. */
    public static Gen<List<PolicyEvent>> histories(String prefix) {
        Gen<EventDraft> draft = Generate.pick(WORKSPACES).zip(
                integers().between(0, 4), integers().between(0, 9),
                lists().of(objectRefs()).ofSizeBetween(0, 6),
                (ws, second, kind, objects) -> new EventDraft(ws, second, kind, objects));
        return lists().of(draft).ofSizeBetween(0, 25).map(drafts -> {
            List<PolicyEvent> events = new ArrayList<>();
            for (int n = 0; n < drafts.size(); n++) {
                events.add(drafts.get(n).toEvent(new EventId(prefix + n)));
            }
            return List.copyOf(events);
        });
    }

    /** Object references over a small id space, with product and type in mixed case. */
    public static Gen<ObjectRef> objectRefs() {
        return Generate.pick(PRODUCTS).zip(Generate.pick(TYPES), integers().between(1, 6),
                (product, type, id) -> ObjectRef.of(product, type, String.valueOf(id)));
    }

    /**
     * Distinct events (ids {@code prefix + "e" + n}) and baselines (ids {@code prefix + "b" + n}),
     * interleaved in a random order.
     */
    public static Gen<List<PolicyInput>> mixedHistories(String prefix) {
        Gen<List<Baseline>> baselines = lists().of(baselineDrafts()).ofSizeBetween(0, 6).map(drafts -> {
            List<Baseline> list = new ArrayList<>();
            for (int n = 0; n < drafts.size(); n++) {
                list.add(drafts.get(n).toBaseline(new BaselineId(prefix + "b" + n)));
            }
            return list;
        });
        return histories(prefix + "e").zip(baselines, longs().all(), (events, imports, seed) -> {
            List<PolicyInput> inputs = new ArrayList<>();
            events.forEach(event -> inputs.add(new PolicyInput.Event(event)));
            imports.forEach(baseline -> inputs.add(new PolicyInput.Import(baseline)));
            Collections.shuffle(inputs, new Random(seed));
            return List.copyOf(inputs);
        });
    }

    private static Gen<BaselineDraft> baselineDrafts() {
        Gen<ScopeDraft> scope = Generate.pick(PRODUCTS).zip(integers().between(0, 2),
                lists().of(Generate.pick(TYPES)).ofSizeBetween(0, 2), integers().between(0, 2),
                lists().of(integers().between(0, 4)).ofSizeBetween(0, 3), ScopeDraft::new);
        Gen<List<Entry>> objects = lists().of(Generate.pick(TYPES).zip(integers().between(1, 6), Entry::new))
                .ofSizeBetween(0, 6);
        return Generate.pick(WORKSPACES).zip(integers().between(0, 4), scope, objects, BaselineDraft::new);
    }

    /** The same inputs redelivered: each one zero to two extra times, all in a shuffled order. */
    public static <T> List<T> redelivered(List<T> history, long seed) {
        Random random = new Random(seed);
        List<T> delivered = new ArrayList<>(history);
        for (T event : history) {
            for (int copies = random.nextInt(3); copies > 0; copies--) {
                delivered.add(event);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
    }

    private record Entry(String type, int id) {
    }

    /**
     * @param typesMode      0: every type; otherwise the listed types (possibly none)
     * @param containersMode 0: containers out of scope; otherwise the listed containers
     */
    private record ScopeDraft(String product, int typesMode, List<String> types, int containersMode,
                              List<Integer> containers) {
    }

    private record BaselineDraft(String workspace, int second, ScopeDraft scope, List<Entry> objects) {

        Baseline toBaseline(BaselineId id) {
            Optional<Set<String>> types = scope.typesMode() == 0 ? Optional.empty()
                    : Optional.of(new LinkedHashSet<>(scope.types()));
            Optional<Set<String>> containers = Optional.empty();
            if (scope.containersMode() != 0) {
                Set<String> ids = new LinkedHashSet<>();
                scope.containers().forEach(n -> ids.add("space-" + n));
                containers = Optional.of(ids);
            }
            if (types.map(Set::isEmpty).orElse(false) && containers.isEmpty()) {
                types = Optional.empty();
            }
            BaselineHeader header = new BaselineHeader(new WorkspaceId(workspace), id, T0.plusSeconds(second),
                    Product.of(scope.product()), types, containers);
            Set<ObjectRef> listed = new LinkedHashSet<>();
            for (Entry entry : objects) {
                ObjectRef object = new ObjectRef(header.product(), entry.type(), String.valueOf(entry.id()));
                if (header.covers(object)) {
                    listed.add(object);
                }
            }
            return new Baseline(header, listed);
        }
    }

    private record EventDraft(String workspace, int second, int kind, List<ObjectRef> objects) {

        PolicyEvent toEvent(EventId id) {
            WorkspaceId ws = new WorkspaceId(workspace);
            Block block = new Block(T0.plusSeconds(second), id);
            if (kind < 2) {
                String product = PRODUCTS.get(kind * 2 + second % 2);
                return new ContainerBlocked(ws, block, ContainerRef.of(product, "space-" + second));
            }
            return new ObjectsBlocked(ws, block, objects);
        }
    }
}
