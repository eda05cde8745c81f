package dev.accessgate.domain.installation;

import dev.accessgate.domain.Text;
import java.util.Objects;
import java.util.Optional;

/** The app as a lifecycle event describes it ({@code app {id, version, name?, ownerAccountId?}}). */
public record ForgeApp(String id, AppVersion version, Optional<String> name, Optional<String> ownerAccountId) {

    public ForgeApp {
        Text.identifier("app.id", id);
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerAccountId, "ownerAccountId");
        name.ifPresent(n -> Text.identifier("app.name", n));
        ownerAccountId.ifPresent(a -> Text.identifier("app.ownerAccountId", a));
    }
}
