package dev.accessgate.application.service;

import dev.accessgate.application.model.ConnectClient;
import dev.accessgate.application.port.in.RegisterMigrationWebhookUseCase;
import dev.accessgate.application.port.out.ConnectInstallationStore;
import dev.accessgate.application.port.out.MigrationWebhookApi;
import dev.accessgate.domain.installation.ConnectState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Registers the migration webhook endpoints with a client's Notification API when the client is
 * enabled: {@code PUT} the endpoints, then {@code GET} them back and check ours are listed.
 * Attempts run on the {@link Scheduler}, never in the callback's thread; a retryable failure is
 * tried again after each of the retry delays in turn, then given up (and reported). Every
 * attempt is reported to the listener and the latest per client is kept for
 * {@link #registrations()} (in memory: a restart forgets them; the next {@code enabled}
 * callback registers again).
 */
public final class MigrationWebhookRegistrationService implements RegisterMigrationWebhookUseCase {

    /** Runs a task after a delay, in the background. */
    @FunctionalInterface
    public interface Scheduler {
        /** Runs {@code task} once, after {@code delay}. */
        void schedule(Duration delay, Runnable task);
    }

    private final ConnectInstallationStore clients;
    private final MigrationWebhookApi api;
    private final List<String> endpoints;
    private final boolean enabled;
    private final Scheduler scheduler;
    private final List<Duration> retryDelays;
    private final Clock clock;
    private final Consumer<Attempt> listener;
    private final Map<String, Attempt> latest = new ConcurrentSkipListMap<>();

    /**
     * @param endpoints   the absolute http(s) URLs to register; not empty when {@code enabled}
     * @param enabled     false: {@link #clientEnabled} does nothing
     * @param retryDelays the waits before the second, third, ... attempt
     * @param listener    told of every attempt (the app logs them)
     */
    public MigrationWebhookRegistrationService(ConnectInstallationStore clients, MigrationWebhookApi api,
                                               List<String> endpoints, boolean enabled, Scheduler scheduler,
                                               List<Duration> retryDelays, Clock clock, Consumer<Attempt> listener) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.api = Objects.requireNonNull(api, "api");
        this.endpoints = List.copyOf(endpoints);
        this.enabled = enabled;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.retryDelays = List.copyOf(retryDelays);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.endpoints.forEach(MigrationWebhookRegistrationService::requireAbsoluteUrl);
        if (enabled && this.endpoints.isEmpty()) {
            throw new IllegalArgumentException("registering needs at least one endpoint (an empty list deletes them)");
        }
    }

    private static void requireAbsoluteUrl(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + endpoint);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("a migration webhook endpoint is an absolute http(s) URL: " + endpoint);
        }
    }

    /** The endpoints registered for every enabled client. */
    public List<String> endpoints() {
        return endpoints;
    }

    /** False when registering is switched off. */
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void clientEnabled(String clientKey) {
        if (!enabled) {
            return;
        }
        try {
            scheduler.schedule(Duration.ZERO, () -> attempt(clientKey, 1));
        } catch (RuntimeException e) {
            report(new Attempt(clientKey, 0, clock.instant(),
                    new Result.Failed("could not schedule the registration: " + e, false), Optional.empty()));
        }
    }

    private void attempt(String clientKey, int number) {
        Result result;
        try {
            result = register(clientKey);
        } catch (RuntimeException e) {
            result = new Result.Failed("unexpected failure: " + e, true);
        }
        Optional<Duration> retry = result instanceof Result.Failed failed && failed.retryable()
                && number <= retryDelays.size() ? Optional.of(retryDelays.get(number - 1)) : Optional.empty();
        report(new Attempt(clientKey, number, clock.instant(), result, retry));
        retry.ifPresent(delay -> scheduler.schedule(delay, () -> attempt(clientKey, number + 1)));
    }

    private void report(Attempt attempt) {
        latest.put(attempt.clientKey(), attempt);
        try {
            listener.accept(attempt);
        } catch (RuntimeException ignored) {
            // A listener that fails must not stop registration.
        }
    }

    @Override
    public Result register(String clientKey) {
        Optional<ConnectClient> found = clients.client(clientKey);
        if (found.isEmpty()) {
            return new Result.Skipped("client " + clientKey + " is not installed here");
        }
        ConnectClient client = found.get();
        if (client.installation().state() != ConnectState.ENABLED) {
            return new Result.Skipped("client " + clientKey + " is " + client.installation().state());
        }
        MigrationWebhookApi.Target target = new MigrationWebhookApi.Target(client.installation().baseUrl(),
                client.installation().appKey(), client.secret());
        MigrationWebhookApi.Reply put = api.put(target, endpoints);
        if (put instanceof MigrationWebhookApi.Reply.Failed failed) {
            return new Result.Failed("PUT: " + failed.reason(), failed.retryable());
        }
        MigrationWebhookApi.Reply get = api.get(target);
        if (get instanceof MigrationWebhookApi.Reply.Failed failed) {
            return new Result.Failed("GET: " + failed.reason(), failed.retryable());
        }
        List<String> registered = ((MigrationWebhookApi.Reply.Ok) get).endpoints();
        if (!new HashSet<>(registered).containsAll(endpoints)) {
            return new Result.Failed("GET answered " + registered + ", which lacks some of " + endpoints, true);
        }
        return new Result.Registered(registered);
    }

    @Override
    public List<Attempt> registrations() {
        return List.copyOf(latest.values());
    }
}
