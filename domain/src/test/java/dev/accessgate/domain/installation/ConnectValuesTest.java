package dev.accessgate.domain.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.SiteUrl;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConnectValuesTest {

    private static final String SECRET = "a-shared-secret-of-at-least-32-bytes!";

    @Test
    void a_shared_secret_never_shows_its_value() {
        SharedSecret secret = new SharedSecret(SECRET);

        assertThat(secret.toString()).doesNotContain(SECRET).isEqualTo("SharedSecret[redacted]");
    }

    @Test
    void a_short_or_unprintable_secret_is_refused_without_quoting_it() {
        assertThatThrownBy(() -> new SharedSecret("short-secret")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).doesNotContain("short-secret"));
        assertThatThrownBy(() -> new SharedSecret(SECRET + "\n")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new SharedSecret(null)).isInstanceOf(DomainException.class);
    }

    @Test
    void the_site_of_a_confluence_base_url_is_its_origin() {
        ConnectInstallation installation = installation("https://Example.atlassian.net/wiki/", Map.of());

        assertThat(installation.baseUrl()).isEqualTo(SiteUrl.of("https://example.atlassian.net/wiki"));
        assertThat(installation.site()).isEqualTo(SiteUrl.of("https://example.atlassian.net"));
        assertThat(ConnectInstallation.origin(SiteUrl.of("http://localhost:2990"))).isEqualTo(SiteUrl.of("http://localhost:2990"));
    }

    @Test
    void the_shared_secret_cannot_hide_among_the_attributes() {
        assertThatThrownBy(() -> installation("https://x.atlassian.net", Map.of("sharedSecret", SECRET)))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void attributes_are_kept_sorted_and_unmodifiable() {
        ConnectInstallation installation = installation("https://x.atlassian.net",
                Map.of("productType", "jira", "description", "Atlassian JIRA"));

        assertThat(installation.attributes().keySet()).containsExactly("description", "productType");
        assertThatThrownBy(() -> installation.attributes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static ConnectInstallation installation(String baseUrl, Map<String, String> attributes) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        return new ConnectInstallation("client", "app", SiteUrl.of(baseUrl), Optional.empty(), ConnectState.INSTALLED,
                attributes, now, now);
    }
}
