package dev.accessgate.application.testkit;

import dev.accessgate.application.port.out.BlockLedgerStore;
import dev.accessgate.application.port.out.ObjectQuery;
import dev.accessgate.domain.policy.BlockedObject;
import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading a whole ledger back in the contract tests. */
public final class Ledgers {

    private Ledgers() {
    }

    /** Every blocked object of a workspace, through pages of three, so paging is exercised too. */
    public static List<BlockedObject> allObjects(BlockLedgerStore ledger, WorkspaceId ws) {
        List<BlockedObject> all = new ArrayList<>();
        Optional<ObjectRef> after = Optional.empty();
        while (true) {
            List<BlockedObject> page = ledger.objects(ws, new ObjectQuery(Optional.empty(), Optional.empty(), after, 3));
            all.addAll(page);
            if (page.size() < 3) {
                return all;
            }
            after = Optional.of(page.get(page.size() - 1).object());
        }
    }
}
