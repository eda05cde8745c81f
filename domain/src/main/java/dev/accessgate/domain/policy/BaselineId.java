package dev.accessgate.domain.policy;

import dev.accessgate.domain.Text;

/**
 * The id of a baseline as its sender gave it, unique within one workspace. Sent again with
 * the same content it is a duplicate; with other content, a conflict.
 */
public record BaselineId(String value) implements Comparable<BaselineId> {

    public BaselineId {
        Text.identifier("id", value);
    }

    @Override
    public int compareTo(BaselineId other) {
        return Text.compareCodePoints(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
