package dev.accessgate.application.model;

import dev.accessgate.domain.policy.BaselineChange;
import dev.accessgate.domain.policy.BaselineId;
import java.util.Objects;
import java.util.Optional;

/** What importing a baseline did. */
public sealed interface BaselineImportOutcome {

    /** The baseline this outcome is about. */
    BaselineId id();

    /**
     * Stored and applied now.
     *
     * @param containers present when the baseline covers containers
     */
    record Imported(BaselineId id, BaselineChange objects, Optional<BaselineChange> containers)
            implements BaselineImportOutcome {
        public Imported {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(objects, "objects");
            Objects.requireNonNull(containers, "containers");
        }
    }

    /** The same baseline (same id, same fingerprint) was imported into this workspace before; nothing changed. */
    record Duplicate(BaselineId id) implements BaselineImportOutcome {
    }

    /** A different baseline was imported into this workspace under this id before; nothing changed. */
    record Conflict(BaselineId id) implements BaselineImportOutcome {
    }
}
