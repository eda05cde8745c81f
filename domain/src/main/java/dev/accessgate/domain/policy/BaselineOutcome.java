package dev.accessgate.domain.policy;

import java.util.Objects;
import java.util.Optional;

/** What applying one baseline did. */
public sealed interface BaselineOutcome {

    /** The baseline this outcome is about. */
    BaselineId id();

    /**
     * The baseline was new.
     *
     * @param containers present when the baseline covers containers
     */
    record Applied(BaselineId id, BaselineChange objects, Optional<BaselineChange> containers)
            implements BaselineOutcome {
        public Applied {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(objects, "objects");
            Objects.requireNonNull(containers, "containers");
        }
    }

    /** A baseline with this id had been applied to the workspace already; nothing changed. */
    record AlreadyApplied(BaselineId id) implements BaselineOutcome {
    }
}
