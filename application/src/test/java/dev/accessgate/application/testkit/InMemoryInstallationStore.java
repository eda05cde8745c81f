package dev.accessgate.application.testkit;

import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.application.port.out.ForgeInstallationStore;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import dev.accessgate.domain.installation.ForgeInstallation;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Both installation ports over maps: the simplest correct store, and the example for adapter authors. */
public final class InMemoryInstallationStore implements ForgeInstallationStore, ConnectInstallationStore {

    private final TreeMap<String, ForgeInstallation> forge = new TreeMap<>();
    private final TreeMap<String, ConnectClient> connect = new TreeMap<>();
    private long revisions;

    @Override
    public synchronized Outcome record(ForgeLifecycleEvent event) {
        ForgeInstallation before = forge.get(event.installationId());
        ForgeInstallation after = before == null ? ForgeInstallation.of(event) : before.with(event);
        forge.put(event.installationId(), after);
        return new Outcome(after, before == null || !before.contains(event));
    }

    @Override
    public synchronized Optional<ForgeInstallation> forgeInstallation(String installationId) {
        return Optional.ofNullable(forge.get(installationId));
    }

    @Override
    public synchronized List<ForgeInstallation> forgeInstallations() {
        return List.copyOf(forge.values());
    }

    @Override
    public synchronized Optional<ConnectClient> client(String clientKey) {
        return Optional.ofNullable(connect.get(clientKey));
    }

    @Override
    public synchronized OptionalLong save(ConnectInstallation installation, SharedSecret secret,
                                          OptionalLong expectedRevision) {
        ConnectClient current = connect.get(installation.clientKey());
        OptionalLong currentRevision = current == null ? OptionalLong.empty() : OptionalLong.of(current.revision());
        if (!currentRevision.equals(expectedRevision)) {
            return OptionalLong.empty();
        }
        long revision = ++revisions;
        connect.put(installation.clientKey(), new ConnectClient(installation, secret, revision));
        return OptionalLong.of(revision);
    }

    @Override
    public synchronized boolean changeState(String clientKey, ConnectState state, Instant at) {
        ConnectClient current = connect.get(clientKey);
        if (current == null) {
            return false;
        }
        connect.put(clientKey, new ConnectClient(current.installation().withState(state, at), current.secret(),
                current.revision()));
        return true;
    }

    @Override
    public synchronized List<ConnectInstallation> connectInstallations() {
        return connect.values().stream().map(ConnectClient::installation).toList();
    }

    @Override
    public synchronized Optional<WorkspaceId> workspaceOf(SiteUrl site) {
        SiteUrl origin = ConnectInstallation.origin(site);
        return connect.values().stream().map(ConnectClient::installation)
                .filter(i -> i.site().equals(origin) && i.cloudId().isPresent())
                .max(Comparator.comparing(ConnectInstallation::updatedAt).thenComparing(ConnectInstallation::clientKey))
                .flatMap(ConnectInstallation::cloudId);
    }
}
