package dev.accessgate.application.service;

import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.application.port.in.ConnectAuthority;
import dev.accessgate.application.port.in.ConnectInstallCommand;
import dev.accessgate.application.port.in.ConnectLifecycleUseCase;
import dev.accessgate.application.port.in.ConnectStateCommand;
import dev.accessgate.application.port.in.FindConnectClientUseCase;
import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.ConnectState;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The Connect lifecycle rules of {@link ConnectLifecycleUseCase}, over the installation store. */
public final class ConnectLifecycleService implements ConnectLifecycleUseCase, FindConnectClientUseCase {

    private final ConnectInstallationStore store;
    private final Clock clock;
    private final boolean allowUnsignedInstalls;

    /**
     * @param allowUnsignedInstalls local development only: accept a first install without an
     *                              install token, and a reinstall signed with the current secret
     */
    public ConnectLifecycleService(ConnectInstallationStore store, Clock clock, boolean allowUnsignedInstalls) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowUnsignedInstalls = allowUnsignedInstalls;
    }

    @Override
    public Optional<ConnectClient> find(String clientKey) {
        return store.client(clientKey);
    }

    @Override
    public Result installed(ConnectInstallCommand command, ConnectAuthority authority) {
        Optional<ConnectClient> existing = store.client(command.clientKey());
        Optional<String> refusal = installRefusal(command, authority, existing);
        if (refusal.isPresent()) {
            return new Result.Refused(refusal.get());
        }
        Instant now = clock.instant();
        ConnectState state = existing.map(c -> c.installation().state())
                .filter(s -> s == ConnectState.ENABLED || s == ConnectState.DISABLED)
                .orElse(ConnectState.INSTALLED);
        Instant installedAt = existing.filter(c -> c.installation().state() != ConnectState.UNINSTALLED)
                .map(c -> c.installation().installedAt())
                .orElse(now);
        ConnectInstallation installation = new ConnectInstallation(command.clientKey(), command.appKey(),
                command.baseUrl(), command.cloudId(), state, command.attributes(), installedAt, now);
        OptionalLong expected = existing.map(c -> OptionalLong.of(c.revision())).orElse(OptionalLong.empty());
        if (store.save(installation, command.secret(), expected).isEmpty()) {
            return new Result.Conflict("client " + command.clientKey() + " was installed concurrently; try again");
        }
        return new Result.Done(installation, existing.isPresent());
    }

    private Optional<String> installRefusal(ConnectInstallCommand command, ConnectAuthority authority,
                                            Optional<ConnectClient> existing) {
        if (authority instanceof ConnectAuthority.InstallToken token) {
            return token.clientKey().equals(command.clientKey()) ? Optional.empty()
                    : Optional.of("the install token was issued for another client");
        }
        if (!allowUnsignedInstalls) {
            return Optional.of("an install must carry an Atlassian install token (RS256 JWT)");
        }
        if (authority instanceof ConnectAuthority.SharedSecretToken token) {
            if (!token.clientKey().equals(command.clientKey())) {
                return Optional.of("the JWT was issued for another client");
            }
            return existing.filter(c -> c.revision() == token.revision()).isPresent() ? Optional.empty()
                    : Optional.of("the JWT was not signed with the client's current shared secret");
        }
        return existing.isPresent()
                ? Optional.of("a reinstall must be signed with the previous shared secret or an install token")
                : Optional.empty();
    }

    @Override
    public Result changeState(ConnectStateCommand command, ConnectAuthority authority) {
        Optional<ConnectClient> existing = store.client(command.clientKey());
        if (existing.isEmpty()) {
            return new Result.UnknownClient(command.clientKey());
        }
        ConnectClient client = existing.get();
        if (!permitsStateChange(authority, client)) {
            return new Result.Refused("a lifecycle callback must be signed by the client's shared secret"
                    + " or an install token for the same client");
        }
        if (client.installation().state() == ConnectState.UNINSTALLED && command.state() != ConnectState.UNINSTALLED) {
            return new Result.Conflict("client " + command.clientKey() + " is uninstalled; it must be installed again");
        }
        Instant now = clock.instant();
        if (!store.changeState(command.clientKey(), command.state(), now)) {
            return new Result.UnknownClient(command.clientKey());
        }
        return new Result.Done(client.installation().withState(command.state(), now), false);
    }

    private static boolean permitsStateChange(ConnectAuthority authority, ConnectClient client) {
        if (authority instanceof ConnectAuthority.InstallToken token) {
            return token.clientKey().equals(client.clientKey());
        }
        return authority instanceof ConnectAuthority.SharedSecretToken token
                && token.clientKey().equals(client.clientKey()) && token.revision() == client.revision();
    }
}
