package dev.accessgate.domain.migration;

import dev.accessgate.domain.Text;

/** The id of one transfer (a UUID the platform generates per migration and listener). */
public record TransferId(String value) implements Comparable<TransferId> {

    public TransferId {
        Text.identifier("transferId", value);
    }

    @Override
    public int compareTo(TransferId other) {
        return Text.compareCodePoints(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
