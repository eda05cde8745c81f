package dev.accessgate.adapters.persistence.sqlite;

import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger with the single and bulk checks answered from the {@link BlockIndex} when the
 * workspace's table is ready, and from {@code store} otherwise (and for everything else).
 */
public final class IndexedLedgerStore implements BlockLedgerStore {

    private final BlockLedgerStore store;
    private final BlockIndex index;

    public IndexedLedgerStore(BlockLedgerStore store, BlockIndex index) {
        this.store = Objects.requireNonNull(store, "store");
        this.index = Objects.requireNonNull(index, "index");
    }

    @Override
    public boolean answersInMemory(WorkspaceId workspace) {
        return index.table(workspace.cloudId()) != null;
    }

    @Override
    public Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object) {
        ObjectTable table = index.table(workspace.cloudId());
        return table == null ? store.objectBlock(workspace, object) : table.find(ObjectKeys.of(object));
    }

    @Override
    public List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects) {
        ObjectTable table = index.table(workspace.cloudId());
        if (table == null) {
            return store.blockedAmong(workspace, objects);
        }
        List<BlockedObject> found = table.consistent(() -> {
            List<BlockedObject> blocked = new ArrayList<>();
            for (ObjectRef object : objects) {
                table.find(ObjectKeys.of(object)).ifPresent(block -> blocked.add(new BlockedObject(object, block)));
            }
            return blocked;
        });
        // Sorted, each once: only the blocked ones, usually far fewer than asked.
        found.sort(Comparator.comparing(BlockedObject::object));
        List<BlockedObject> distinct = new ArrayList<>(found.size());
        for (BlockedObject blocked : found) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).object().equals(blocked.object())) {
                distinct.add(blocked);
            }
        }
        return distinct;
    }

    @Override
    public List<WorkspaceSummary> workspaces() {
        return store.workspaces();
    }

    @Override
    public List<BlockedContainer> containers(WorkspaceId workspace) {
        return store.containers(workspace);
    }

    @Override
    public List<BlockedObject> objects(WorkspaceId workspace, ObjectQuery query) {
        return store.objects(workspace, query);
    }
}
