package dev.accessgate.application.port.out;

import dev.accessgate.application.model.BaselineImportOutcome;
import dev.accessgate.application.model.BaselineObjects;
import dev.accessgate.domain.policy.BaselineHeader;
import java.time.Instant;

/** Durable store of imported baselines and, in the same transaction, their effect on the ledger. */
public interface BaselineStore {

    /**
     * Stores the baseline and applies it atomically, with the rules of the domain's
     * {@link dev.accessgate.domain.policy.WorkspacePolicy}. A baseline id already imported
     * into the workspace changes nothing: a duplicate when the fingerprint
     * ({@link dev.accessgate.application.model.BaselineFingerprint}) is the same, else a
     * conflict. The objects are read once, in batches; the store must not hold them all in
     * memory.
     *
     * @param objects every object must be in the header's scope
     * @throws StoreException when the store cannot commit (nothing was stored then)
     */
    BaselineImportOutcome importBaseline(BaselineHeader header, BaselineObjects objects, Instant receivedAt);
}
