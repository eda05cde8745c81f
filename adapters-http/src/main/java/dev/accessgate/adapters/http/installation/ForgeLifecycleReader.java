package dev.accessgate.adapters.http.installation;

import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.port.in.RecordForgeLifecycleCommand;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.installation.AppVersion;
import dev.accessgate.domain.installation.ForgeApp;
import dev.accessgate.domain.installation.ForgeLifecycleEvent;
import dev.accessgate.domain.installation.InstallationContext;
import dev.accessgate.domain.installation.LifecycleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a Forge lifecycle payload ({@code avi:forge:installed:app}, {@code avi:forge:upgraded:app},
 * SPEC 1.4) into a command. The payload is the parsed JSON object (the body in plain mode,
 * {@code data} of a CloudEvent). Every problem is reported at once as an invalid event with
 * JSON pointers; nothing is read half.
 * <pre>{@code
 * if (ForgeLifecycleReader.TYPES.contains(type)) {
 *     RecordForgeLifecycleCommand command = ForgeLifecycleReader.read(type, payload, "/data", clock.instant());
 *     forgeLifecycle.record(command);
 * }
 * }</pre>
 */
public final class ForgeLifecycleReader {

    /** The lifecycle event types this reader reads. */
    public static final Set<String> TYPES = LifecycleKind.TYPES;

    private final Map<String, Object> payload;
    private final String base;
    private final List<Violation> violations = new ArrayList<>();

    private ForgeLifecycleReader(Map<String, Object> payload, String base) {
        this.payload = payload;
        this.base = base;
    }

    /** As {@link #read(String, Map, String, Instant)} with pointers from the document root. */
    public static RecordForgeLifecycleCommand read(String type, Map<String, Object> payload, Instant receivedAt) {
        return read(type, payload, "", receivedAt);
    }

    /**
     * @param pointer    where the payload is in the request body ({@code ""} for the root,
     *                   {@code "/data"} inside a CloudEvent), prefixed to every violation
     * @param receivedAt when the event arrived
     * @throws ProblemException an invalid event (400) with a violation per problem
     */
    public static RecordForgeLifecycleCommand read(String type, Map<String, Object> payload, String pointer,
                                                   Instant receivedAt) {
        LifecycleKind kind = LifecycleKind.ofType(type).orElseThrow(() -> new IllegalArgumentException(
                "not a Forge lifecycle type: " + type + " (see ForgeLifecycleReader.TYPES)"));
        if (payload == null) {
            throw ProblemException.invalidEvent(List.of(new Violation(pointer, "must be a JSON object")));
        }
        return new ForgeLifecycleReader(payload, pointer).read(kind, receivedAt);
    }

    private RecordForgeLifecycleCommand read(LifecycleKind kind, Instant receivedAt) {
        String id = string(payload, "/id", true, v -> Text.identifier("id", v));
        Map<String, Object> app = object(payload, "/app", true);
        String appId = app == null ? null : string(app, "/app/id", true, v -> Text.identifier("app.id", v));
        AppVersion version = app == null ? null : string(app, "/app/version", true, AppVersion::new);
        Optional<String> name = Optional.ofNullable(app == null ? null
                : string(app, "/app/name", false, v -> Text.identifier("app.name", v)));
        Optional<String> owner = Optional.ofNullable(app == null ? null
                : string(app, "/app/ownerAccountId", false, v -> Text.identifier("app.ownerAccountId", v)));
        Map<String, Object> environment = object(payload, "/environment", false);
        Optional<String> environmentId = Optional.ofNullable(environment == null ? null
                : string(environment, "/environment/id", true, v -> Text.identifier("environment.id", v)));
        Optional<InstallationContext> context = Optional.ofNullable(
                string(payload, "/context", kind == LifecycleKind.INSTALLED, InstallationContext::parse));
        String accountField = kind == LifecycleKind.INSTALLED ? "installerAccountId" : "upgraderAccountId";
        Optional<String> account = Optional.ofNullable(
                string(payload, "/" + accountField, false, v -> Text.identifier(accountField, v)));
        if (!violations.isEmpty()) {
            throw ProblemException.invalidEvent(violations);
        }
        try {
            return new RecordForgeLifecycleCommand(new ForgeLifecycleEvent(kind, id,
                    new ForgeApp(appId, version, name, owner), environmentId, context, account, receivedAt));
        } catch (DomainException e) {
            throw ProblemException.invalidEvent(List.of(new Violation(base + "/" + e.field(), e.getMessage())));
        }
    }

    /** {@code path} is the pointer from the payload; its last step is the field in {@code parent}. */
    private <T> T string(Map<String, Object> parent, String path, boolean required, Function<String, T> parse) {
        Object value = parent.get(path.substring(path.lastIndexOf('/') + 1));
        if (value == null) {
            if (required) {
                violations.add(new Violation(base + path, "is required"));
            }
            return null;
        }
        if (!(value instanceof String text)) {
            violations.add(new Violation(base + path, "must be a string"));
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DomainException e) {
            violations.add(new Violation(base + path, e.getMessage()));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> parent, String path, boolean required) {
        Object value = parent.get(path.substring(1));
        if (value == null) {
            if (required) {
                violations.add(new Violation(base + path, "is required"));
            }
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            violations.add(new Violation(base + path, "must be an object"));
            return null;
        }
        return (Map<String, Object>) map;
    }
}
