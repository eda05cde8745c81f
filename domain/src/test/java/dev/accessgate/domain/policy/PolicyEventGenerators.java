package dev.accessgate.domain.policy;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of policy event streams. The value space is deliberately small
 * (few workspaces, ids, times, mixed-case products) so that overlaps, ties and duplicates
 * happen often. Published in the domain test-jar for the stores' contract tests.
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

    /** The same events redelivered: each one zero to two extra times, all in a shuffled order. */
    public static List<PolicyEvent> redelivered(List<PolicyEvent> history, long seed) {
        Random random = new Random(seed);
        List<PolicyEvent> delivered = new ArrayList<>(history);
        for (PolicyEvent event : history) {
            for (int copies = random.nextInt(3); copies > 0; copies--) {
                delivered.add(event);
            }
        }
        Collections.shuffle(delivered, random);
        return delivered;
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
