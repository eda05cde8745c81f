package dev.accessgate.adapters.http;

import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The in-memory store as a ledger that says it answers from memory, as the SQLite index does, so
 * the checks run on the event loop; except for workspaces whose id starts with
 * {@value #BLOCKING_PREFIX}, which take the blocking executor. Remembers the thread of the last check.
 */
final class MemoryAnswers implements BlockLedgerStore {

    static final String BLOCKING_PREFIX = "on-disk-";

    private final BlockLedgerStore store;
    private volatile String lastCheckThread = "";

    MemoryAnswers(BlockLedgerStore store) {
        this.store = store;
    }

    String lastCheckThread() {
        return lastCheckThread;
    }

    @Override
    public boolean answersInMemory(WorkspaceId workspace) {
        return !workspace.cloudId().startsWith(BLOCKING_PREFIX);
    }

    @Override
    public Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object) {
        lastCheckThread = Thread.currentThread().getName();
        return store.objectBlock(workspace, object);
    }

    @Override
    public List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects) {
        lastCheckThread = Thread.currentThread().getName();
        return store.blockedAmong(workspace, objects);
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
