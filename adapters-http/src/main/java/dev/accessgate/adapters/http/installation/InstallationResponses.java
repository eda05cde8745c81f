package dev.accessgate.adapters.http.installation;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ForgeInstallation;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.InstallationContext;
import dev.accessgate.domain.policy.WorkspaceId;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON of {@code GET /v1/installations}. There is no field for a secret. */
final class InstallationResponses {

    private InstallationResponses() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Installations(List<Forge> forge, List<Connect> connect) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Forge(String installationId, String cloudId, String context, App app, String environmentId,
                 String version, String installerAccountId, String upgraderAccountId, List<HistoryEntry> history) {

        static Forge of(ForgeInstallation installation) {
            return new Forge(installation.installationId(),
                    installation.workspace().map(WorkspaceId::cloudId).orElse(null),
                    installation.context().map(InstallationContext::ari).orElse(null),
                    App.of(installation.latest()),
                    installation.environmentId().orElse(null),
                    installation.currentVersion().value(),
                    installation.installerAccountId().orElse(null),
                    installation.upgraderAccountId().orElse(null),
                    installation.history().stream().map(HistoryEntry::of).toList());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record App(String id, String name, String ownerAccountId) {
        static App of(ForgeLifecycleEvent event) {
            return new App(event.app().id(), event.app().name().orElse(null),
                    event.app().ownerAccountId().orElse(null));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HistoryEntry(String event, String version, String accountId, Instant receivedAt) {
        static HistoryEntry of(ForgeLifecycleEvent event) {
            return new HistoryEntry(event.kind().type(), event.app().version().value(),
                    event.accountId().orElse(null), event.receivedAt());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Connect(String clientKey, String key, String baseUrl, String cloudId, String state, Instant installedAt,
                   Instant updatedAt, Map<String, String> attributes) {

        static Connect of(ConnectInstallation installation) {
            return new Connect(installation.clientKey(), installation.appKey(), installation.baseUrl().value(),
                    installation.cloudId().map(WorkspaceId::cloudId).orElse(null),
                    installation.state().name().toLowerCase(java.util.Locale.ROOT), installation.installedAt(),
                    installation.updatedAt(), installation.attributes());
        }
    }
}
