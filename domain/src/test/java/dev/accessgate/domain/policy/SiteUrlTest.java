package dev.accessgate.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessgate.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteUrlTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://site_name.atlassian.net", "HTTPS://Site_Name.Atlassian.NET/",
            "https://site_name.atlassian.net:443", " https://site_name.atlassian.net// "})
    void spellings_of_one_site_are_equal(String spelling) {
        assertThat(SiteUrl.of(spelling)).isEqualTo(SiteUrl.of("https://site_name.atlassian.net"));
        assertThat(SiteUrl.of(spelling).value()).isEqualTo("https://site_name.atlassian.net");
    }

    @Test
    void a_context_path_and_a_non_default_port_are_kept() {
        assertThat(SiteUrl.of("http://localhost:2990/jira/").value()).isEqualTo("http://localhost:2990/jira");
    }

    @ParameterizedTest
    @ValueSource(strings = {"site_name.atlassian.net", "ftp://x.net", "https://", "https://x.net/?a=1",
            "https://user@x.net", "not a url"})
    void anything_but_a_plain_base_url_is_refused(String text) {
        assertThatThrownBy(() -> SiteUrl.of(text)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("siteUrl"));
    }
}
