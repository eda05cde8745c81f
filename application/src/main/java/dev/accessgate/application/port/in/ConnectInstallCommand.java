package dev.accessgate.application.port.in;

import dev.accessgate.domain.Text;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The payload of a Connect {@code installed} callback. {@code attributes}: its other fields. */
public record ConnectInstallCommand(String clientKey, String appKey, SiteUrl baseUrl, Optional<WorkspaceId> cloudId,
                                    SharedSecret secret, Map<String, String> attributes) {

    public ConnectInstallCommand {
        Text.identifier("clientKey", clientKey);
        Text.identifier("key", appKey);
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(cloudId, "cloudId");
        Objects.requireNonNull(secret, "secret");
        attributes = Map.copyOf(attributes);
    }
}
