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

    /** The product with this name, validated and lower-cased. */
    public static Product of(String name) {
        return new Product(name);
    }

    @Override
    public int compareTo(Product other) {
        return Text.compareCodePoints(name, other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
