package dev.accessgate.domain.policy;

import dev.accessgate.domain.Text;

/** A product such as {@code confluence} or {@code jira}; always lower case. */
public record Product(String name) implements Comparable<Product> {

    /** Confluence. */
    public static final Product CONFLUENCE = new Product("confluence");
    /** Jira. */
    public static final Product JIRA = new Product("jira");

    public Product {
        name = Text.lowerIdentifier("product", name);
    }

    /** The product with this name, validated and lower-cased (the constants for the known ones). */
    public static Product of(String name) {
        // One instance per known product: no allocation per parsed object, and comparisons of
        // the same product end at the identity check.
        String lower = Text.lowerIdentifier("product", name);
        if (lower.equals(CONFLUENCE.name)) {
            return CONFLUENCE;
        }
        return lower.equals(JIRA.name) ? JIRA : new Product(lower);
    }

    @Override
    public int compareTo(Product other) {
        return this == other ? 0 : Text.compareCodePoints(name, other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
