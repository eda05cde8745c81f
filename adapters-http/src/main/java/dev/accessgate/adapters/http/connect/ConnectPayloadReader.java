package dev.accessgate.adapters.http.connect;

import dev.accessgate.adapters.http.json.JsonTreeReader;
import dev.accessgate.adapters.http.problem.ProblemException;
import dev.accessgate.adapters.http.problem.Violation;
import dev.accessgate.application.port.in.ConnectInstallCommand;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.Text;
import dev.accessgate.domain.installation.ConnectInstallation;
import dev.accessgate.domain.installation.SharedSecret;
import dev.accessgate.domain.policy.SiteUrl;
import dev.accessgate.domain.policy.WorkspaceId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a Connect lifecycle payload. Every problem is a violation with a JSON pointer; none
 * quotes the shared secret. Fields other than the known ones are kept as attributes when
 * they are strings, numbers or booleans (objects, arrays and nulls are not kept).
 */
final class ConnectPayloadReader {

    private static final Set<String> KNOWN = Set.of("key", "clientKey", "sharedSecret", "baseUrl", "cloudId");

    private final Map<String, Object> body;
    private final List<Violation> violations = new ArrayList<>();

    private ConnectPayloadReader(Map<String, Object> body) {
        this.body = body;
    }

    /** Parses the body, which must be a JSON object whose {@code eventType}, if any, is {@code eventType}. */
    static ConnectPayloadReader of(byte[] bytes, String eventType) {
        Object json = JsonTreeReader.read(bytes);
        if (!(json instanceof Map<?, ?> map)) {
            throw ProblemException.at(ProblemException.Kind.INVALID_REQUEST, "", "the body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        ConnectPayloadReader reader = new ConnectPayloadReader((Map<String, Object>) map);
        Object type = reader.body.get("eventType");
        if (type != null && !eventType.equals(type)) {
            reader.violations.add(new Violation("/eventType", "must be '" + eventType + "' on this path"));
        }
        return reader;
    }

    ConnectInstallCommand install() {
        String clientKey = required("clientKey", v -> Text.identifier("clientKey", v));
        String key = required("key", v -> Text.identifier("key", v));
        SiteUrl baseUrl = required("baseUrl", SiteUrl::of);
        SharedSecret secret = required("sharedSecret", SharedSecret::new);
        Optional<WorkspaceId> cloudId = optional("cloudId", WorkspaceId::new);
        Map<String, String> attributes = attributes();
        throwIfInvalid();
        return new ConnectInstallCommand(clientKey, key, baseUrl, cloudId, secret, attributes);
    }

    String clientKey() {
        String clientKey = required("clientKey", v -> Text.identifier("clientKey", v));
        throwIfInvalid();
        return clientKey;
    }

    private Map<String, String> attributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (KNOWN.contains(name)) {
                return;
            }
            String text = value instanceof String s ? s
                    : value instanceof BigDecimal d ? d.toPlainString()
                    : value instanceof Number || value instanceof Boolean ? value.toString()
                    : null;
            if (text == null) {
                return;
            }
            if (text.length() > ConnectInstallation.MAX_ATTRIBUTE_LENGTH) {
                violations.add(new Violation(pointer(name), "is longer than "
                        + ConnectInstallation.MAX_ATTRIBUTE_LENGTH + " characters"));
                return;
            }
            try {
                Text.identifier("name", name);
            } catch (DomainException e) {
                violations.add(new Violation(pointer(name), "is not a usable field name"));
                return;
            }
            attributes.put(name, text);
        });
        if (attributes.size() > ConnectInstallation.MAX_ATTRIBUTES) {
            throw new ProblemException(ProblemException.Kind.LIMIT_EXCEEDED,
                    "at most " + ConnectInstallation.MAX_ATTRIBUTES + " payload fields are kept");
        }
        return attributes;
    }

    private <T> T required(String field, Function<String, T> parse) {
        Object value = body.get(field);
        if (value == null) {
            violations.add(new Violation(pointer(field), "is required"));
            return null;
        }
        return parse(field, value, parse);
    }

    private <T> Optional<T> optional(String field, Function<String, T> parse) {
        Object value = body.get(field);
        return value == null ? Optional.empty() : Optional.ofNullable(parse(field, value, parse));
    }

    private <T> T parse(String field, Object value, Function<String, T> parse) {
        if (!(value instanceof String text)) {
            violations.add(new Violation(pointer(field), "must be a string"));
            return null;
        }
        try {
            return parse.apply(text);
        } catch (DomainException e) {
            // The domain's messages name the field, never its value.
            violations.add(new Violation(pointer(field), e.getMessage()));
            return null;
        }
    }

    private void throwIfInvalid() {
        if (!violations.isEmpty()) {
            List<Violation> shown = violations.subList(0, Math.min(violations.size(), ProblemException.MAX_VIOLATIONS));
            StringBuilder detail = new StringBuilder("invalid Connect lifecycle payload: ");
            for (int i = 0; i < Math.min(shown.size(), 3); i++) {
                detail.append(i == 0 ? "" : "; ").append(shown.get(i).pointer()).append(' ').append(shown.get(i).detail());
            }
            throw new ProblemException(ProblemException.Kind.INVALID_REQUEST, detail.toString(), shown);
        }
    }

    private static String pointer(String field) {
        return dev.accessgate.adapters.http.json.JsonPaths.child("", field);
    }
}
