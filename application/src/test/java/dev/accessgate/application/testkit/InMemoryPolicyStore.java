package dev.accessgate.application.testkit;

import dev.accessgate.application.model.NewDelivery;
import dev.accessgate.application.model.BaselineFingerprint;
import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.application.model.Processing;
import dev.accessgate.application.model.ReceivedEvent;
import dev.accessgate.application.model.StoredEvent;
import dev.accessgate.application.port.out.BaselineStore;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.EventPage;
import dev.accessgate.application.port.out.EventQuery;
import dev.accessgate.application.port.out.EventStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.application.port.out.RecordOutcome;
import dev.accessgate.application.port.out.RetentionStore;
import dev.accessgate.domain.policy.AccessPolicyState;
import dev.accessgate.domain.policy.ApplyOutcome;
import dev.accessgate.domain.policy.Baseline;
import dev.accessgate.domain.policy.BaselineHeader;
import dev.accessgate.domain.policy.BaselineId;
import dev.accessgate.domain.policy.BaselineOutcome;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.EventId;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.PolicyEvent;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspacePolicy;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The outgoing storage ports over the domain's own {@link AccessPolicyState}: the simplest
 * correct store, used by service tests and as the worked example for adapter authors.
 */
public final class InMemoryPolicyStore implements EventStore, BlockLedgerStore, BaselineStore, RetentionStore,
        InMemoryUnitOfWork.Participant {

    private AccessPolicyState state = new AccessPolicyState();
    /** Every event and baseline applied to {@link #state}, in order, so that a checkpoint can rebuild it. */
    private final List<Object> appliedInputs = new ArrayList<>();
    private final Map<EventId, StoredEvent> events = new HashMap<>();
    private final Map<EventId, Long> sequence = new LinkedHashMap<>();
    /** The last arrival number given; never reused, also after pruning. */
    private long lastSeq;
    private final InMemoryDeliveryStore deliveries;

    public InMemoryPolicyStore() {
        this(new InMemoryDeliveryStore());
    }

    /** A store whose events create their deliveries in {@code deliveries}. */
    public InMemoryPolicyStore(InMemoryDeliveryStore deliveries) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    }

    public InMemoryDeliveryStore deliveries() {
        return deliveries;
    }
    private final Map<WorkspaceId, Map<BaselineId, String>> baselineFingerprints = new HashMap<>();

    @Override
    public synchronized RecordOutcome record(ReceivedEvent event, Processing processing,
                                             List<NewDelivery> newDeliveries) {
        StoredEvent existing = events.get(event.id());
        if (existing != null) {
            return existing.event().fingerprint().equals(event.fingerprint())
                    ? new RecordOutcome.Duplicate(event.id())
                    : new RecordOutcome.Conflict(event.id());
        }
        sequence.put(event.id(), ++lastSeq);
        deliveries.insert(event, newDeliveries);
        return store(event, processing);
    }

    private RecordOutcome store(ReceivedEvent event, Processing processing) {
        int newlyBlocked = 0;
        Optional<WorkspaceId> workspace = Optional.empty();
        if (processing instanceof Processing.Applied applied) {
            ApplyOutcome outcome = state.apply(applied.event());
            appliedInputs.add(applied.event());
            newlyBlocked = outcome instanceof ApplyOutcome.Applied a ? a.newlyBlocked() : 0;
            workspace = Optional.of(applied.event().workspace());
        }
        events.put(event.id(), new StoredEvent(event, processing.status(), workspace, processing.detail()));
        return new RecordOutcome.Recorded(event.id(), newlyBlocked);
    }

    @Override
    public synchronized Runnable checkpoint() {
        Map<EventId, StoredEvent> eventsBefore = new HashMap<>(events);
        Map<EventId, Long> sequenceBefore = new LinkedHashMap<>(sequence);
        Map<WorkspaceId, Map<BaselineId, String>> fingerprintsBefore = new HashMap<>();
        baselineFingerprints.forEach((ws, known) -> fingerprintsBefore.put(ws, new HashMap<>(known)));
        int appliedBefore = appliedInputs.size();
        long lastSeqBefore = lastSeq;
        Runnable deliveriesBack = deliveries.checkpoint();
        return () -> {
            synchronized (this) {
                events.clear();
                events.putAll(eventsBefore);
                sequence.clear();
                sequence.putAll(sequenceBefore);
                lastSeq = lastSeqBefore;
                baselineFingerprints.clear();
                baselineFingerprints.putAll(fingerprintsBefore);
                appliedInputs.subList(appliedBefore, appliedInputs.size()).clear();
                state = new AccessPolicyState();
                for (Object input : appliedInputs) {
                    if (input instanceof Baseline baseline) {
                        state.apply(baseline);
                    } else {
                        state.apply((PolicyEvent) input);
                    }
                }
            }
            deliveriesBack.run();
        };
    }

    @Override
    public synchronized BaselineImportOutcome importBaseline(BaselineHeader header, BaselineObjects objects,
                                                             Instant receivedAt) {
        Set<ObjectRef> listed = new HashSet<>();
        objects.forEachBatch(listed::addAll);
        Baseline baseline = new Baseline(header, listed);
        String fingerprint = BaselineFingerprint.of(header, listed);
        Map<BaselineId, String> known = baselineFingerprints.computeIfAbsent(header.workspace(), ws -> new HashMap<>());
        String before = known.get(header.id());
        if (before != null) {
            return before.equals(fingerprint)
                    ? new BaselineImportOutcome.Duplicate(header.id())
                    : new BaselineImportOutcome.Conflict(header.id());
        }
        known.put(header.id(), fingerprint);
        BaselineOutcome.Applied applied = (BaselineOutcome.Applied) state.apply(baseline);
        appliedInputs.add(baseline);
        return new BaselineImportOutcome.Imported(header.id(), applied.objects(), applied.containers());
    }

    @Override
    public synchronized Optional<StoredEvent> find(EventId id) {
        return Optional.ofNullable(events.get(id));
    }

    @Override
    public synchronized EventPage list(EventQuery query) {
        List<StoredEvent> page = new ArrayList<>();
        Optional<Long> next = Optional.empty();
        for (Map.Entry<EventId, Long> entry : sequence.entrySet()) {
            StoredEvent event = events.get(entry.getKey());
            boolean selected = query.status().map(event.status()::equals).orElse(true)
                    && query.after().map(after -> entry.getValue() > after).orElse(true);
            if (selected) {
                if (page.size() == query.limit()) {
                    next = Optional.of(sequence.get(page.get(page.size() - 1).event().id()));
                    break;
                }
                page.add(event);
            }
        }
        return new EventPage(page, next);
    }

    @Override
    public synchronized long countUnprocessed() {
        return events.values().stream().filter(e -> e.status() == StoredEvent.Status.UNPROCESSED).count();
    }

    @Override
    public synchronized RecordOutcome reprocess(EventId id, Processing processing) {
        StoredEvent existing = events.get(id);
        if (existing == null || existing.status() != StoredEvent.Status.UNPROCESSED) {
            return new RecordOutcome.Duplicate(id);
        }
        return store(existing.event(), processing);
    }

    @Override
    public synchronized Pruned prune(Instant cutoff, int limit) {
        int deliveriesRemoved = deliveries.removeFinishedBefore(cutoff, limit);
        List<EventId> old = sequence.keySet().stream()
                .filter(id -> {
                    StoredEvent stored = events.get(id);
                    return stored.event().receivedAt().isBefore(cutoff)
                            && stored.status() != StoredEvent.Status.UNPROCESSED
                            && deliveries.ofEvent(id).isEmpty();
                })
                .limit(limit)
                .toList();
        old.forEach(id -> {
            events.remove(id);
            sequence.remove(id);
        });
        return new Pruned(deliveriesRemoved, old.size());
    }

    @Override
    public synchronized List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects) {
        return new TreeSet<>(objects).stream()
                .flatMap(o -> objectBlock(workspace, o).map(b -> new BlockedObject(o, b)).stream())
                .toList();
    }

    @Override
    public synchronized Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object) {
        return state.workspace(workspace).flatMap(policy -> policy.objectBlock(object));
    }

    @Override
    public synchronized List<WorkspaceSummary> workspaces() {
        return state.workspaces().values().stream()
                .map(p -> new WorkspaceSummary(p.workspace(), p.blockedObjects().size(), p.blockedContainers().size()))
                .toList();
    }

    @Override
    public synchronized List<BlockedContainer> containers(WorkspaceId workspace) {
        return state.workspace(workspace).map(WorkspacePolicy::blockedContainers).orElse(Map.of())
                .entrySet().stream()
                .map(e -> new BlockedContainer(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.container().compareTo(b.container()))
                .toList();
    }

    @Override
    public synchronized List<BlockedObject> objects(WorkspaceId workspace, ObjectQuery query) {
        return state.workspace(workspace).map(WorkspacePolicy::blockedObjects).orElse(Map.of())
                .entrySet().stream()
                .filter(e -> query.selects(e.getKey()))
                .filter(e -> query.after().map(after -> e.getKey().compareTo(after) > 0).orElse(true))
                .sorted(Map.Entry.comparingByKey())
                .limit(query.limit())
                .map(e -> new BlockedObject(e.getKey(), e.getValue()))
                .toList();
    }
}
