package dev.accessgate.application.port.out;

import dev.accessgate.application.model.FilterSpec;

/**
 * The filter engine's entry point: turns a subscription's configured filter into a
 * {@link DeliveryFilter}, at startup. An expression that is too long, does not parse or is too
 * complex is refused here (by throwing {@link IllegalArgumentException} with the reason), so a
 * bad subscription never starts.
 */
@FunctionalInterface
public interface DeliveryFilterCompiler {

    /** The filter of {@code subscription}; throws {@link IllegalArgumentException} with the reason when it is refused. */
    DeliveryFilter compile(String subscription, FilterSpec filter);
}
