package dev.accessgate.application.port.out;

import dev.accessgate.domain.policy.ObjectRef;
import dev.accessgate.domain.policy.Product;
import java.util.Objects;
import java.util.Optional;

/**
 * Which blocked objects to list: optionally one product (and type), strictly after a
 * position (keyset pagination), at most {@code limit} of them.
 */
public record ObjectQuery(Optional<Product> product, Optional<String> type, Optional<ObjectRef> after, int limit) {

    /** A sanity bound for one page; APIs choose their own, smaller, limits. */
    public static final int MAX_LIMIT = 10_000;

    public ObjectQuery {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        if (type.isPresent() && product.isEmpty()) {
            throw new IllegalArgumentException("a type filter needs a product filter");
        }
    }

    /** The first page of every blocked object, at most {@code limit}. */
    public static ObjectQuery all(int limit) {
        return new ObjectQuery(Optional.empty(), Optional.empty(), Optional.empty(), limit);
    }

    /** True when {@code object} passes the product and type filters (ignores the position). */
    public boolean selects(ObjectRef object) {
        return product.map(object.product()::equals).orElse(true)
                && type.map(object.type()::equals).orElse(true);
    }
}
