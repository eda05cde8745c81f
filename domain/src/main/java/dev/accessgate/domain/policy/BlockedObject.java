package dev.accessgate.domain.policy;

import java.util.Objects;

/** A blocked object and the block that keeps it so. */
public record BlockedObject(ObjectRef object, Block block) {

    public BlockedObject {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(block, "block");
    }
}
