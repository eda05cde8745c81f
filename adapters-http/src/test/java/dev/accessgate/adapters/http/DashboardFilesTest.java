package dev.accessgate.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's files: public, with a strict CSP and no inline script, only the files it
 * consists of, and no data in them.
 */
@MicronautTest
class DashboardFilesTest extends HttpTest {

    private final HttpDriver anonymous() {
        return new HttpDriver(server.getURL(), json);
    }

    private static void secured(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("default-src 'self';").contains("script-src 'self';", "frame-ancestors 'none'",
                        "object-src 'none'").doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void the_page_is_public_and_sent_with_security_headers() {
        HttpDriver.Reply page = anonymous().get("/dashboard/");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        secured(page.raw().headers());
        assertThat(page.body()).contains("<script type=\"module\" src=\"main.js\"></script>");
    }

    @Test
    void without_the_slash_the_page_redirects_so_relative_links_resolve_under_dashboard() {
        HttpDriver.Reply reply = anonymous().get("/dashboard");

        assertThat(reply.status()).isEqualTo(308);
        assertThat(reply.raw().headers().firstValue("Location")).contains("dashboard/");
    }

    @Test
    void the_page_has_no_inline_script_or_style_and_every_file_it_names_is_served() {
        String page = anonymous().get("/dashboard/").body();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=", "<style")
                .doesNotContainPattern("\\son[a-z]+=");

        for (String file : List.of("main.js", "api.js", "dom.js", "views.js", "dashboard.css")) {
            HttpDriver.Reply reply = anonymous().get("/dashboard/" + file);
            assertThat(reply.status()).as(file).isEqualTo(200);
            assertThat(reply.contentType()).as(file).startsWith(file.endsWith(".js") ? "text/javascript" : "text/css");
            secured(reply.raw().headers());
        }
        // Every module the scripts import is served too.
        for (String script : List.of("main.js", "views.js")) {
            Matcher imports = Pattern.compile("from '\\./([a-z]+\\.js)'").matcher(anonymous().get("/dashboard/" + script).body());
            while (imports.find()) {
                assertThat(anonymous().get("/dashboard/" + imports.group(1)).status()).as(imports.group(1)).isEqualTo(200);
            }
        }
    }

    @Test
    void the_scripts_never_parse_text_as_html() {
        for (String file : List.of("main.js", "api.js", "dom.js", "views.js")) {
            assertThat(anonymous().get("/dashboard/" + file).body()).as(file)
                    .doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
        }
    }

    @Test
    void only_the_dashboard_files_are_served() {
        for (String path : List.of("/dashboard/secret.txt", "/dashboard/..%2Fapplication.yml", "/dashboard/%2e%2e%2Flogback.xml",
                "/dashboard/META-INF", "/dashboard/index.html/x")) {
            HttpDriver.Reply reply = anonymous().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.body()).as(path).doesNotContain("<configuration", "micronaut:");
        }
    }
}
