package dev.accessgate.domain.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.accessgate.domain.DomainException;
import dev.accessgate.domain.policy.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class InstallationContextTest {

    @Test
    void a_site_ari_names_the_workspace() {
        InstallationContext context = InstallationContext.parse("ari:cloud:jira::site/c821c30c-a2ad-47d7-b742-9fed48cfd6b9");

        assertThat(context.owner()).isEqualTo("jira");
        assertThat(context.workspace()).contains(new WorkspaceId("c821c30c-a2ad-47d7-b742-9fed48cfd6b9"));
    }

    @Test
    void a_non_site_ari_is_kept_without_a_workspace() {
        InstallationContext context = InstallationContext.parse("ari:cloud:bitbucket::workspace/1f2e3d");

        assertThat(context.workspace()).isEmpty();
        assertThat(context.ari()).isEqualTo("ari:cloud:bitbucket::workspace/1f2e3d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ari:cloud:jira::site/", "ari:cloud:jira::site", "ari:cloud:jira:site/x",
            "ari:aws:jira::site/x", "urn:cloud:jira::site/x", "ari:cloud:::site/x", "ari:cloud:ji ra::site/x",
            "ari:cloud:jira::site/a/b", "ari:cloud:jira::/x", "ari:cloud:jira::site/x\n"})
    void anything_else_is_refused_naming_the_context(String text) {
        assertThatThrownBy(() -> InstallationContext.parse(text)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.field()).isEqualTo("context"));
    }

    @Test
    void formatting_then_parsing_gives_the_same_context_and_parsing_then_formatting_the_same_text() {
        Gen<String> names = strings().basicLatinAlphabet().ofLengthBetween(1, 8)
                .map(s -> s.replaceAll("[^A-Za-z0-9._-]", "x"));
        Gen<String> ids = strings().basicLatinAlphabet().ofLengthBetween(1, 12)
                .map(s -> s.replace("/", "_").replace(" ", "-"));
        qt().forAll(names, Generate.pick(java.util.List.of("", "abc-1")), Generate.pick(java.util.List.of("site",
                "workspace", "issue")), ids).checkAssert((owner, cloud, type, id) -> {
                    InstallationContext context = new InstallationContext(owner, cloud, type, id);
                    assertThat(InstallationContext.parse(context.ari())).isEqualTo(context);
                    assertThat(InstallationContext.parse(context.ari()).ari()).isEqualTo(context.ari());
                    assertThat(context.workspace().isPresent()).isEqualTo(type.equals("site"));
                });
    }

    @Test
    void site_builds_the_ari_that_atlassian_sends() {
        assertThat(InstallationContext.site("confluence", new WorkspaceId("abc")).ari())
                .isEqualTo("ari:cloud:confluence::site/abc");
    }
}
