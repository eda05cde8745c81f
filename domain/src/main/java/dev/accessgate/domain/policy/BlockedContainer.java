package dev.accessgate.domain.policy;

import java.util.Objects;

/** A blocked container and the block that keeps it so. */
public record BlockedContainer(ContainerRef container, Block block) {

    public BlockedContainer {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(block, "block");
    }
}
