package dev.accessgate.application.service;

import dev.accessgate.application.port.in.QueryAccessUseCase;
import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.policy.Block;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.BlockedContainer;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import dev.accessgate.domain.policy.WorkspaceSummary;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the policy state from the ledger store. */
public final class AccessQueryService implements QueryAccessUseCase {

    private final BlockLedgerStore ledger;

    /** Answers from {@code ledger}. */
    public AccessQueryService(BlockLedgerStore ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public Optional<Block> objectBlock(WorkspaceId workspace, ObjectRef object) {
        return ledger.objectBlock(workspace, object);
    }

    @Override
    public List<BlockedObject> blockedAmong(WorkspaceId workspace, Collection<ObjectRef> objects) {
        if (objects.size() > MAX_CHECK) {
            throw new IllegalArgumentException("at most " + MAX_CHECK + " objects per check");
        }
        return objects.isEmpty() ? List.of() : ledger.blockedAmong(workspace, objects);
    }

    @Override
    public boolean answersInMemory(WorkspaceId workspace) {
        return ledger.answersInMemory(workspace);
    }

    @Override
    public List<BlockedObject> blockedObjects(WorkspaceId workspace, ObjectQuery query) {
        return ledger.objects(workspace, query);
    }

    @Override
    public List<WorkspaceSummary> workspaces() {
        return ledger.workspaces();
    }

    @Override
    public List<BlockedContainer> blockedContainers(WorkspaceId workspace) {
        return ledger.containers(workspace);
    }
}
