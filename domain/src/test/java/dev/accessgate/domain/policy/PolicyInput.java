package dev.accessgate.domain.policy;

import java.util.Objects;

/** One input of the access policy state: an event or a baseline. For generated histories. */
public sealed interface PolicyInput {

    WorkspaceId workspace();

    /** Applies it; returns the outcome ({@link ApplyOutcome} or {@link BaselineOutcome}). */
    Object applyTo(AccessPolicyState state);

    record Event(PolicyEvent event) implements PolicyInput {
        public Event {
            Objects.requireNonNull(event, "event");
        }

        @Override
        public WorkspaceId workspace() {
            return event.workspace();
        }

        @Override
        public ApplyOutcome applyTo(AccessPolicyState state) {
            return state.apply(event);
        }
    }

    record Import(Baseline baseline) implements PolicyInput {
        public Import {
            Objects.requireNonNull(baseline, "baseline");
        }

        @Override
        public WorkspaceId workspace() {
            return baseline.workspace();
        }

        @Override
        public BaselineOutcome applyTo(AccessPolicyState state) {
            return state.apply(baseline);
        }
    }
}
