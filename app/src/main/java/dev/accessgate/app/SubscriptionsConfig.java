package dev.accessgate.app;

import dev.accessgate.application.model.FilterSpec;
import dev.accessgate.domain.filter.OnError;
import dev.accessgate.application.model.HandlerSpec;
import dev.accessgate.application.model.Subscription;
import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.delivery.EventTypePattern;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code accessgate.subscriptions} (SPEC 3) from the configuration tree and refuses
 * anything doubtful with a message that names the entry and the field: unknown keys (a typo
 * must not silently drop a handler), bad patterns, both or neither of url and bean, bad
 * timeouts, duplicate names. Keys match without regard to case or dashes ({@code onError},
 * {@code on-error}), and dotted keys ({@code handler.url}) are accepted, as Micronaut gives
 * them when the list comes from properties rather than YAML.
 */
final class SubscriptionsConfig {

    static final String KEY = "accessgate.subscriptions";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    private SubscriptionsConfig() {
    }

    /** @param raw the value of {@value #KEY}: a list of maps, or null when not configured */
    static List<Subscription> parse(Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> items)) {
            throw invalid(KEY, "must be a list of subscriptions");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String where = KEY + "[" + i + "]";
            Map<String, Object> item = map(items.get(i), where);
            Object nameValue = item.get("name");
            if (nameValue instanceof String name) {
                where = where + " (" + name + ")";
            }
            Subscription subscription = subscription(item, where);
            if (!names.add(subscription.name())) {
                throw invalid(where, "name '" + subscription.name() + "' is used by an earlier subscription");
            }
            subscriptions.add(subscription);
        }
        return subscriptions;
    }

    private static Subscription subscription(Map<String, Object> item, String where) {
        allow(item, where, "name", "events", "filter", "handler");
        String name = string(item, "name", where);
        List<EventTypePattern> events = patterns(item.get("events"), where + ".events");
        Optional<FilterSpec> filter = item.get("filter") == null ? Optional.empty()
                : Optional.of(filter(map(item.get("filter"), where + ".filter"), where + ".filter"));
        if (!item.containsKey("handler")) {
            throw invalid(where + ".handler", "is required (url: ... or bean: ...)");
        }
        HandlerSpec handler = handler(map(item.get("handler"), where + ".handler"), where + ".handler");
        try {
            return new Subscription(name, events, filter, handler);
        } catch (IllegalArgumentException e) {
            throw invalid(where, e.getMessage());
        }
    }

    private static List<EventTypePattern> patterns(Object raw, String where) {
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw invalid(where, "must be a non-empty list of event types or patterns such as \"avi:jira:*:issue\"");
        }
        List<EventTypePattern> patterns = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object value = list.get(i);
            if (!(value instanceof String text)) {
                throw invalid(where + "[" + i + "]", "must be a string");
            }
            try {
                patterns.add(EventTypePattern.of(text));
            } catch (DomainException e) {
                throw invalid(where + "[" + i + "]", e.getMessage());
            }
        }
        return patterns;
    }

    private static FilterSpec filter(Map<String, Object> filter, String where) {
        allow(filter, where, "expression", "onError");
        String expression = string(filter, "expression", where);
        OnError onError = OnError.IGNORE_AND_LOG;
        Object raw = filter.get("onerror");
        if (raw != null) {
            try {
                onError = OnError.valueOf(String.valueOf(raw).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw invalid(where + ".onError", "must be IGNORE_AND_LOG, IGNORE, RECEIVE_AND_LOG or RECEIVE, was '"
                        + raw + "'");
            }
        }
        try {
            return new FilterSpec(expression, onError);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ".expression", e.getMessage());
        }
    }

    private static HandlerSpec handler(Map<String, Object> handler, String where) {
        allow(handler, where, "url", "bean", "timeout");
        boolean url = handler.get("url") != null;
        boolean bean = handler.get("bean") != null;
        if (url == bean) {
            throw invalid(where, url ? "give either url or bean, not both" : "give url (an HTTP handler) or bean "
                    + "(an in-process handler)");
        }
        Duration timeout = handler.get("timeout") == null ? HandlerSpec.DEFAULT_TIMEOUT
                : duration(String.valueOf(handler.get("timeout")), where + ".timeout");
        try {
            if (url) {
                String text = string(handler, "url", where);
                URI uri;
                try {
                    uri = URI.create(text);
                } catch (IllegalArgumentException e) {
                    throw invalid(where + ".url", "is not a URL: " + e.getMessage());
                }
                return new HandlerSpec.Url(uri, timeout);
            }
            return new HandlerSpec.Bean(string(handler, "bean", where), timeout);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(KEY)) {
                throw e;
            }
            throw invalid(where, e.getMessage());
        }
    }

    /** {@code 25s}, {@code 500ms}, {@code 2m}, or ISO-8601 such as {@code PT25S}. */
    static Duration duration(String text, String where) {
        String trimmed = text.trim();
        Matcher m = DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration duration;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            duration = switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMinutes(n);
            };
        } else {
            try {
                duration = Duration.parse(trimmed);
            } catch (DateTimeParseException e) {
                throw invalid(where, "must be a duration such as 25s, 500ms or 2m, was '" + text + "'");
            }
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(HandlerSpec.MAX_TIMEOUT) > 0) {
            throw invalid(where, "must be more than 0 and at most " + HandlerSpec.MAX_TIMEOUT.toSeconds()
                    + "s, was '" + text + "'");
        }
        return duration;
    }

    /** The map with dotted keys nested and keys normalised (lower case, no dashes). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> source)) {
            throw invalid(where, "must be a map");
        }
        Map<String, Object> normalised = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : source.entrySet()) {
            String key = String.valueOf(entry.getKey());
            int dot = key.indexOf('.');
            if (dot > 0) {
                String head = normalise(key.substring(0, dot));
                Object nested = normalised.computeIfAbsent(head, k -> new LinkedHashMap<String, Object>());
                if (!(nested instanceof Map<?, ?>)) {
                    throw invalid(where + "." + head, "is given both as a value and as a map");
                }
                ((Map<String, Object>) nested).put(key.substring(dot + 1), entry.getValue());
            } else {
                normalised.put(normalise(key), entry.getValue());
            }
        }
        return normalised;
    }

    private static String normalise(String key) {
        return key.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static void allow(Map<String, Object> map, String where, String... keys) {
        Set<String> allowed = new HashSet<>();
        for (String key : keys) {
            allowed.add(normalise(key));
        }
        for (String key : map.keySet()) {
            if (!allowed.contains(key)) {
                throw invalid(where + "." + key, "is not a known setting; expected " + String.join(", ", keys));
            }
        }
    }

    private static String string(Map<String, Object> map, String key, String where) {
        Object value = map.get(normalise(key));
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(where + "." + key, "is required and must be a non-blank string");
        }
        return text;
    }

    private static IllegalArgumentException invalid(String where, String message) {
        return new IllegalArgumentException(where + ": " + message);
    }
}
