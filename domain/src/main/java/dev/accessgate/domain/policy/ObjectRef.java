package dev.accessgate.domain.policy;

import dev.accessgate.domain.Text;
import java.util.Objects;

/**
 * One object an app may be blocked from: a page, blogpost, whiteboard, database or issue.
 * Product and type are lower case; the id is kept exactly as sent.
 */
public record ObjectRef(Product product, String type, String id) implements Comparable<ObjectRef> {

    public ObjectRef {
        Objects.requireNonNull(product, "product");
        type = Text.lowerIdentifier("type", type);
        Text.identifier("id", id);
    }

    /** An object from its product, type and id, validated (product and type are lower-cased). */
    public static ObjectRef of(String product, String type, String id) {
        return new ObjectRef(Product.of(product), type, id);
    }

    /** Product, then type, then id: the stable order of listings and batch writes. */
    @Override
    public int compareTo(ObjectRef other) {
        // Written out rather than a Comparator chain: bulk checks sort 10,000 of these per request.
        int order = product.compareTo(other.product);
        if (order == 0) {
            order = Text.compareCodePoints(type, other.type);
        }
        return order != 0 ? order : Text.compareCodePoints(id, other.id);
    }

    @Override
    public String toString() {
        return product + "/" + type + "/" + id;
    }
}
