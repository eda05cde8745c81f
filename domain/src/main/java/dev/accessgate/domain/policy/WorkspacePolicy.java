package dev.accessgate.domain.policy;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The access policy state of one workspace: what is blocked and why, the baselines that
 * cover it, and the ids of the events and baselines already applied. The reference model
 * of the rules: stores must agree with it (the adapter kit's contract tests check that).
 *
 * <p><b>Facts.</b> Every object and container keeps the set of its <em>block facts</em>, one
 * per event or baseline that blocked it ({@link Block}: time and id). It is blocked while it
 * has a fact, and its answer is the earliest fact ({@link Block#compareTo}).
 *
 * <p><b>Coverage.</b> Per (product, type), and per product for "every type", the latest
 * baseline (by time, then id) that covered it is remembered; per product likewise for
 * containers. The covering baseline of an object is the latest of its type's and its
 * product's "every type" coverage.
 *
 * <p><b>Rules.</b> An event fact at time t is ignored when the covering baseline's time is
 * t or later ("as of T" includes T); otherwise it is added. A baseline B at time T, for each
 * part of its scope whose covering baseline is older than B: deletes every fact at or before
 * T, adds its own fact to what it lists, and becomes the coverage. Parts covered by a newer
 * baseline are left alone (B is old news there). Coverage only moves forward.
 *
 * <p>Hence, for any order of the same events and baselines, with any repeats, the facts of
 * an object with covering baseline C at time T are: C's fact if C lists it, and the facts
 * of the events after T that name it; without a covering baseline, the facts of all events
 * that name it. Applying is idempotent (each event and baseline id is applied once) and
 * order-independent. Not thread-safe: confine an instance to one thread or guard it.
 */
public final class WorkspacePolicy {

    /** A unit of object coverage: one type of a product, or (empty type) all of them. */
    private record TypeUnit(Product product, Optional<String> type) {
    }

    private final WorkspaceId workspace;
    private final Map<ObjectRef, NavigableSet<Block>> objectFacts = new HashMap<>();
    private final Map<ContainerRef, NavigableSet<Block>> containerFacts = new HashMap<>();
    private final Map<TypeUnit, Block> objectCoverage = new HashMap<>();
    private final Map<Product, Block> containerCoverage = new HashMap<>();
    private final Set<EventId> applied = new HashSet<>();
    private final Set<BaselineId> baselines = new HashSet<>();

    /** An empty state for {@code workspace}: nothing blocked, nothing applied. */
    public WorkspacePolicy(WorkspaceId workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The workspace this state is about. */
    public WorkspaceId workspace() {
        return workspace;
    }

    /** Applies one event of this workspace. */
    public ApplyOutcome apply(PolicyEvent event) {
        requireSameWorkspace(event.workspace(), event.id());
        if (!applied.add(event.id())) {
            return new ApplyOutcome.AlreadyApplied(event.id());
        }
        Block block = event.block();
        int newlyBlocked = 0;
        if (event instanceof ObjectsBlocked blocked) {
            for (ObjectRef object : blocked.objects()) {
                if (!coveredAsOf(objectCovering(object.product(), object.type()), block)) {
                    newlyBlocked += addFact(objectFacts, object, block);
                }
            }
        } else {
            ContainerRef container = ((ContainerBlocked) event).container();
            if (!coveredAsOf(containerCoverage.get(container.product()), block)) {
                newlyBlocked += addFact(containerFacts, container, block);
            }
        }
        return new ApplyOutcome.Applied(event.id(), newlyBlocked);
    }

    /** Applies one baseline of this workspace. */
    public BaselineOutcome apply(Baseline baseline) {
        BaselineHeader header = baseline.header();
        requireSameWorkspace(header.workspace(), header.id());
        if (!baselines.add(header.id())) {
            return new BaselineOutcome.AlreadyApplied(header.id());
        }
        Block block = header.block();
        Product product = header.product();
        // Decide what is in effect before the coverage moves.
        BaselineChange objects = rebase(objectFacts, baseline.objects(), block,
                object -> object.product().equals(product) && header.coversType(object.type())
                        && olderThan(objectCovering(product, object.type()), block));
        Optional<BaselineChange> containers = header.containers().map(ids -> {
            Set<ContainerRef> listed = new HashSet<>();
            ids.forEach(id -> listed.add(new ContainerRef(product, id)));
            boolean inEffect = olderThan(containerCoverage.get(product), block);
            return rebase(containerFacts, listed, block, container -> container.product().equals(product) && inEffect);
        });

        header.types().ifPresentOrElse(
                types -> types.forEach(type -> cover(objectCoverage, new TypeUnit(product, Optional.of(type)), block)),
                () -> cover(objectCoverage, new TypeUnit(product, Optional.empty()), block));
        if (header.coversContainers()) {
            cover(containerCoverage, product, block);
        }
        return new BaselineOutcome.Applied(header.id(), objects, containers);
    }

    /**
     * Where {@code inEffect} holds: drops the facts at or before the baseline's time, and gives
     * what it lists the baseline's fact.
     */
    private static <K> BaselineChange rebase(Map<K, NavigableSet<Block>> facts, Set<K> listed, Block baseline,
                                             Predicate<K> inEffect) {
        long superseded = 0;
        long newlyBlocked = 0;
        for (K key : listed) {
            if (!inEffect.test(key)) {
                superseded++;
            } else if (!facts.containsKey(key)) {
                newlyBlocked++;
            }
        }
        long unblocked = 0;
        for (Iterator<Map.Entry<K, NavigableSet<Block>>> it = facts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<K, NavigableSet<Block>> entry = it.next();
            if (inEffect.test(entry.getKey())) {
                entry.getValue().removeIf(fact -> !fact.at().isAfter(baseline.at()));
                if (entry.getValue().isEmpty() && !listed.contains(entry.getKey())) {
                    it.remove();
                    unblocked++;
                }
            }
        }
        for (K key : listed) {
            if (inEffect.test(key)) {
                addFact(facts, key, baseline);
            }
        }
        return new BaselineChange(listed.size(), superseded, newlyBlocked, unblocked);
    }

    /** Adds a fact; returns 1 when the key had none before (it becomes blocked). */
    private static <K> int addFact(Map<K, NavigableSet<Block>> facts, K key, Block fact) {
        boolean wasBlocked = facts.containsKey(key);
        facts.computeIfAbsent(key, k -> new TreeSet<>()).add(fact);
        return wasBlocked ? 0 : 1;
    }

    private static <K> void cover(Map<K, Block> coverage, K unit, Block baseline) {
        coverage.merge(unit, baseline, WorkspacePolicy::latest);
    }

    /** The baseline covering objects of this product and type, if any: the latest of the two units. */
    private Block objectCovering(Product product, String type) {
        return latest(objectCoverage.get(new TypeUnit(product, Optional.of(type))),
                objectCoverage.get(new TypeUnit(product, Optional.empty())));
    }

    private static Block latest(Block a, Block b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** True when a baseline covers the event's time: "as of T" includes T. */
    private static boolean coveredAsOf(Block covering, Block event) {
        return covering != null && !covering.at().isBefore(event.at());
    }

    private static boolean olderThan(Block covering, Block baseline) {
        return covering == null || covering.compareTo(baseline) < 0;
    }

    private void requireSameWorkspace(WorkspaceId other, Object id) {
        if (!other.equals(workspace)) {
            throw new IllegalArgumentException(id + " belongs to " + other + ", not " + workspace);
        }
    }

    /** True when {@code object} is blocked: an event or baseline listed it (container blocks say nothing of objects). */
    public boolean isBlocked(ObjectRef object) {
        return objectFacts.containsKey(object);
    }

    /** The answer for an object: its earliest block fact. */
    public Optional<Block> objectBlock(ObjectRef object) {
        return Optional.ofNullable(objectFacts.get(object)).map(NavigableSet::first);
    }

    /** The block on a container, if it is blocked. */
    public Optional<Block> containerBlock(ContainerRef container) {
        return Optional.ofNullable(containerFacts.get(container)).map(NavigableSet::first);
    }

    /** The blocked objects with their answers (a snapshot). */
    public Map<ObjectRef, Block> blockedObjects() {
        return answers(objectFacts);
    }

    /** The blocked containers with their answers (a snapshot). */
    public Map<ContainerRef, Block> blockedContainers() {
        return answers(containerFacts);
    }

    private static <K> Map<K, Block> answers(Map<K, NavigableSet<Block>> facts) {
        Map<K, Block> answers = new HashMap<>();
        facts.forEach((key, known) -> answers.put(key, known.first()));
        return Collections.unmodifiableMap(answers);
    }

    /** Every block fact of an object, earliest first; empty when it is not blocked. */
    public NavigableSet<Block> objectFacts(ObjectRef object) {
        return Collections.unmodifiableNavigableSet(objectFacts.getOrDefault(object, new TreeSet<>()));
    }

    /** The baseline that covers objects of this product and type, if any (its block). */
    public Optional<Block> coveringBaseline(Product product, String type) {
        return Optional.ofNullable(objectCovering(product, type));
    }

    /** The baseline that covers the containers of this product, if any (its block). */
    public Optional<Block> coveringContainerBaseline(Product product) {
        return Optional.ofNullable(containerCoverage.get(product));
    }

    /** True when the event was applied to this workspace. */
    public boolean hasApplied(EventId event) {
        return applied.contains(event);
    }

    /** Read-only view of the ids of the events applied so far. */
    public Set<EventId> appliedEvents() {
        return Collections.unmodifiableSet(applied);
    }

    /** True when the baseline was applied to this workspace. */
    public boolean hasApplied(BaselineId baseline) {
        return baselines.contains(baseline);
    }

    /** Read-only view of the ids of the baselines applied so far. */
    public Set<BaselineId> appliedBaselines() {
        return Collections.unmodifiableSet(baselines);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkspacePolicy other
                && workspace.equals(other.workspace)
                && objectFacts.equals(other.objectFacts)
                && containerFacts.equals(other.containerFacts)
                && objectCoverage.equals(other.objectCoverage)
                && containerCoverage.equals(other.containerCoverage)
                && applied.equals(other.applied)
                && baselines.equals(other.baselines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspace, objectFacts, containerFacts, applied, baselines);
    }

    @Override
    public String toString() {
        return "WorkspacePolicy[" + workspace + ", " + objectFacts.size() + " objects, "
                + containerFacts.size() + " containers, " + applied.size() + " events, "
                + baselines.size() + " baselines]";
    }
}
