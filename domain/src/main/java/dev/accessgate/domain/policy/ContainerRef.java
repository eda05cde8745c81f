package dev.accessgate.domain.policy;

import dev.accessgate.domain.Text;
import java.util.Comparator;
import java.util.Objects;

/** A container: a Confluence space or a Jira project. */
public record ContainerRef(Product product, String id) implements Comparable<ContainerRef> {

    private static final Comparator<ContainerRef> ORDER =
            Comparator.comparing(ContainerRef::product).thenComparing(ContainerRef::id, Text::compareCodePoints);

    public ContainerRef {
        Objects.requireNonNull(product, "product");
        Text.identifier("id", id);
    }

    /** A container from its product name and id, validated (the product is lower-cased). */
    public static ContainerRef of(String product, String id) {
        return new ContainerRef(Product.of(product), id);
    }

    @Override
    public int compareTo(ContainerRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return product + "/" + id;
    }
}
