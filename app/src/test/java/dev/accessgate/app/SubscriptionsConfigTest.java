package dev.accessgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.application.model.FilterSpec;
import dev.accessgate.domain.filter.OnError;
import dev.accessgate.application.model.HandlerSpec;
import dev.accessgate.application.model.Subscription;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class SubscriptionsConfigTest {

    private static List<Subscription> parse(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        @SuppressWarnings("unchecked")
        Map<String, Object> accessgate = (Map<String, Object>) root.get("accessgate");
        return SubscriptionsConfig.parse(accessgate.get("subscriptions"));
    }

    private static String one(String body) {
        return "accessgate:\n  subscriptions:\n    - name: s\n" + body.indent(6);
    }

    @Test
    void the_spec_example_is_read_whole() {
        List<Subscription> subscriptions = parse("""
                accessgate:
                  subscriptions:
                    - name: issue-sync
                      events: ["avi:jira:*:issue", "avi:ecosystem.app_policy:*"]
                      filter:
                        expression: "event.issue.fields?.issueType.name == 'Bug'"
                        onError: RECEIVE_AND_LOG
                      handler:
                        url: http://127.0.0.1:9000/handle
                        timeout: 25s
                    - name: embedded
                      events: ["*"]
                      handler:
                        bean: myHandler
                """);

        assertThat(subscriptions).hasSize(2);
        Subscription sync = subscriptions.get(0);
        assertThat(sync.name()).isEqualTo("issue-sync");
        assertThat(sync.takes("avi:jira:created:issue")).isTrue();
        assertThat(sync.takes("avi:ecosystem.app_policy:blocked:app_access_to_objects.v2")).isTrue();
        assertThat(sync.takes("avi:confluence:created:page")).isFalse();
        assertThat(sync.filter()).contains(new FilterSpec("event.issue.fields?.issueType.name == 'Bug'",
                OnError.RECEIVE_AND_LOG));
        assertThat(sync.handler()).isEqualTo(new HandlerSpec.Url(URI.create("http://127.0.0.1:9000/handle"),
                Duration.ofSeconds(25)));
        assertThat(subscriptions.get(1).handler()).isEqualTo(new HandlerSpec.Bean("myHandler", HandlerSpec.DEFAULT_TIMEOUT));
        assertThat(subscriptions.get(1).filter()).isEmpty();
    }

    @Test
    void dotted_and_dashed_keys_from_properties_are_read_too() {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", "p");
        item.put("events", List.of("a:*"));
        item.put("handler.bean", "b");
        item.put("handler.timeout", "500ms");
        item.put("filter.expression", "true");
        item.put("filter.on-error", "ignore");

        Subscription parsed = SubscriptionsConfig.parse(List.of(item)).get(0);

        assertThat(parsed.handler()).isEqualTo(new HandlerSpec.Bean("b", Duration.ofMillis(500)));
        assertThat(parsed.filter()).contains(new FilterSpec("true", OnError.IGNORE));
        assertThat(SubscriptionsConfig.parse(null)).isEmpty();
    }

    @Test
    void mistakes_are_refused_with_the_entry_and_field_named() {
        assertRefused(one("events: [\"a\"]\nhandler: {url: \"http://x/\", bean: b}"),
                "accessgate.subscriptions[0] (s).handler: give either url or bean, not both");
        assertRefused(one("events: [\"a\"]\nhandler: {timeout: 5s}"),
                "accessgate.subscriptions[0] (s).handler: give url (an HTTP handler) or bean");
        assertRefused(one("events: [\"a\"]"), "accessgate.subscriptions[0] (s).handler: is required");
        assertRefused(one("events: [\"a\"]\nhandler: {bean: b, timeout: 25}"),
                "(s).handler.timeout: must be a duration such as 25s");
        assertRefused(one("events: [\"a\"]\nhandler: {bean: b, timeout: 0s}"), "(s).handler.timeout: must be more than 0");
        assertRefused(one("events: [\"a\"]\nhandler: {bean: b, timeout: 16m}"), "at most 900s");
        assertRefused(one("events: [\"a\"]\nhandler: {url: \"ftp://x/y\"}"),
                "(s).handler: handler url must be an absolute http or https URL");
        assertRefused(one("events: [\"a\"]\nhandler: {url: \"http://x/ y\"}"), "(s).handler.url: is not a URL");
        assertRefused(one("events: []\nhandler: {bean: b}"), "(s).events: must be a non-empty list");
        assertRefused(one("events: [\"\"]\nhandler: {bean: b}"), "(s).events[0]: events must not be blank");
        assertRefused(one("events: [\"a\\tb\"]\nhandler: {bean: b}"), "(s).events[0]: events must not contain control");
        assertRefused(one("events: [\"a\"]\nhandlers: {bean: b}"), "(s).handlers: is not a known setting");
        assertRefused(one("events: [\"a\"]\nhandler: {bean: b}\nfilter: {expression: x, onError: SOMETIMES}"),
                "(s).filter.onError: must be IGNORE_AND_LOG, IGNORE, RECEIVE_AND_LOG or RECEIVE");
        assertRefused(one("events: [\"a\"]\nhandler: {bean: b}\nfilter: {expression: \"" + "x".repeat(10_001) + "\"}"),
                "(s).filter.expression: the filter expression has 10001 characters");
        assertRefused("accessgate:\n  subscriptions:\n    - name: s\n      events: [a]\n      handler: {bean: b}\n"
                + "    - name: s\n      events: [b]\n      handler: {bean: c}\n",
                "accessgate.subscriptions[1] (s): name 's' is used by an earlier subscription");
        assertRefused("accessgate:\n  subscriptions:\n    - name: \"has space\"\n      events: [a]\n      handler: {bean: b}\n",
                "subscription name 'has space' must be");
        assertRefused("accessgate:\n  subscriptions: {name: s}\n", "accessgate.subscriptions: must be a list");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
