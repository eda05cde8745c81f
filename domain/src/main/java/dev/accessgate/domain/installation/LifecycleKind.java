package dev.accessgate.domain.installation;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The Forge lifecycle events, by their event type. */
public enum LifecycleKind {
    /** {@code avi:forge:installed:app}: the app was installed on a site. */
    INSTALLED("avi:forge:installed:app"),
    /** {@code avi:forge:upgraded:app}: the app was upgraded to a new major version. */
    UPGRADED("avi:forge:upgraded:app");

    /** Every lifecycle event type. */
    public static final Set<String> TYPES = Arrays.stream(values()).map(LifecycleKind::type)
            .collect(Collectors.toUnmodifiableSet());

    private final String type;

    LifecycleKind(String type) {
        this.type = type;
    }

    /** The event type, as Forge sends it. */
    public String type() {
        return type;
    }

    /** The kind with this event type, empty for any other type. */
    public static Optional<LifecycleKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type.equals(type)).findFirst();
    }
}
